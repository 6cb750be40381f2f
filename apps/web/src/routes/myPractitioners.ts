import { Router } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  MyPractitionersDocument,
  PractitionerCoverageDocument,
  SubmittedToMeDocument,
  type AssessorCapacity,
} from '../data/generated/graphql.js';
import { hasRole, REVIEWER_ROLES } from '../middleware/setUpCurrentUser.js';
import { summariseCoverage } from '../presenters/coverageSummary.js';
import { ukToday } from '../presenters/ukToday.js';
import type { Services } from '../services/index.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The practitioners assigned to me today, each with their PCF coverage. */
export function myPractitionersRoutes(_services: Services): Router {
  const router = Router();

  router.use('/my-practitioners', (req, _res, next) =>
    hasRole(req, ...REVIEWER_ROLES)
      ? next()
      : next(new ApiError('Not a reviewer', 'FORBIDDEN', undefined, [], undefined, 403)),
  );

  router.get('/my-practitioners', async (req, res, next) => {
    try {
      const { assessorRelationships, framework } = await req.api(MyPractitionersDocument, {
        assessorUserId: req.session.user!.userId,
        today: ukToday(new Date()),
      });
      // One person may be assigned in two capacities (ASYE assessor and supervisor): one entry each.
      const people = new Map<
        string,
        { id: string; fullName: string; capacities: AssessorCapacity[]; since: string }
      >();
      for (const r of assessorRelationships.nodes) {
        const person = people.get(r.practitioner.id) ?? {
          ...r.practitioner,
          capacities: [],
          since: r.startsOn,
        };
        person.capacities.push(r.capacity);
        if (r.startsOn < person.since) person.since = r.startsOn;
        people.set(r.practitioner.id, person);
      }
      const practitioners = [...people.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
      // Coverage per person, in parallel: the API answers each with its own access check.
      const coverages = await Promise.all(
        practitioners.map((p) => req.api(PractitionerCoverageDocument, { practitionerUserId: p.id })),
      );
      res.render('pages/my-practitioners/index', {
        practitioners: practitioners.map((p, i) => ({
          ...p,
          coverage: summariseCoverage(
            framework.items,
            coverages[i]!.coverage.cells,
            coverages[i]!.coverage.itemsWithoutApprovedEvidence,
          ),
        })),
      });
    } catch (error) {
      next(error);
    }
  });

  /** What one of my practitioners submitted to me, newest first: waiting, approved or sent back. */
  router.get('/my-practitioners/:practitionerUserId/evidence', async (req, res, next) => {
    try {
      const { practitionerUserId } = req.params;
      if (!UUID.test(practitionerUserId)) return res.status(404).render('pages/not-found');
      const page = pageRequest(req.query, PAGE_SIZE);
      const [{ assessorRelationships }, { portfolio }] = await Promise.all([
        req.api(MyPractitionersDocument, {
          assessorUserId: req.session.user!.userId,
          today: ukToday(new Date()),
        }),
        req.api(SubmittedToMeDocument, { practitionerUserId, ...page }),
      ]);
      const practitioner = assessorRelationships.nodes.find(
        (r) => r.practitioner.id === practitionerUserId,
      )?.practitioner;
      if (!practitioner) return res.status(404).render('pages/not-found');
      const me = req.session.user!.userId;
      res.render('pages/my-practitioners/evidence', {
        practitioner,
        pieces: portfolio.nodes.map((e) => ({
          evidenceId: e.id,
          ...e.current,
          waitingForMe: e.current.status === 'SUBMITTED' && e.current.reviewer?.id === me,
        })),
        pages: pageLinks(
          portfolio.pageInfo,
          page,
          (cursor) => `/my-practitioners/${practitionerUserId}/evidence?${new URLSearchParams(cursor)}`,
        ),
      });
    } catch (error) {
      next(error);
    }
  });

  return router;
}
