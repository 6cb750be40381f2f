import { Router } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  MyPractitionersDocument,
  PractitionerCoverageDocument,
  type AssessorCapacity,
} from '../data/generated/graphql.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import { summariseCoverage } from '../presenters/coverageSummary.js';
import { ukToday } from '../presenters/ukToday.js';
import type { Services } from '../services/index.js';

const REVIEWER_ROLES = ['ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR'];

/** The practitioners assigned to me today, each with their PCF coverage. */
export function myPractitionersRoutes(_services: Services): Router {
  const router = Router();

  router.get('/my-practitioners', async (req, res, next) => {
    try {
      if (!hasRole(req, ...REVIEWER_ROLES))
        throw new ApiError('Not a reviewer', 'FORBIDDEN', undefined, [], undefined, 403);
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

  return router;
}
