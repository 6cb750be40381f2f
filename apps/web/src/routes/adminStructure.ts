import { Router, type Request, type Response } from 'express';
import {
  AdminCreateAssessorRelationshipDocument,
  AdminCreateTeamDocument,
  AdminEndAssessorRelationshipDocument,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import {
  datePartsFrom,
  datePartsOf,
  isBlank,
  isoDateFrom,
  ukToday,
  type DateParts,
} from '../presenters/admin/dates.js';
import { inFormWords } from '../presenters/admin/formWording.js';
import { relationshipState } from '../presenters/admin/membershipState.js';
import { CAPACITY_NAMES, ROLE_FOR_CAPACITY, capacityFromForm } from '../presenters/admin/roleNames.js';
import { allMembers, allRelationships, allTeams, isId } from './adminLists.js';
import { requireAdministration } from './adminMembers.js';

const RELATIONSHIP_LABELS = {
  practitionerUserId: 'Practitioner',
  assessorUserId: 'Assessor',
  capacity: 'Capacity',
  startsOn: 'Starts on',
  endsOn: 'Ends on',
};

interface RelationshipValues {
  practitionerUserId: string;
  assessorUserId: string;
  capacity: string;
  startsOn: DateParts;
  endsOn: DateParts;
}

/** Teams and who assesses, educates or supervises whom, with the days each relationship is in force. */
export function adminStructureRoutes(): Router {
  const router = Router();
  router.use('/admin', requireAdministration);

  const renderStructure = async (
    req: Request,
    res: Response,
    form: { teamName?: string; errors?: FormErrors } = {},
  ): Promise<void> => {
    const [teams, relationships, members] = await Promise.all([
      allTeams(req),
      allRelationships(req),
      allMembers(req),
    ]);
    const today = ukToday(new Date());
    res.status(form.errors ? 400 : 200).render('pages/admin/structure', {
      teams: teams.map((t) => ({
        ...t,
        memberCount: members.filter((m) => m.active && m.teamId === t.id).length,
      })),
      relationships: relationships
        .map((r) => ({
          ...r,
          capacityName: CAPACITY_NAMES[r.capacity],
          state: relationshipState(r, today),
        }))
        .sort(
          (a, b) =>
            Number(a.state.label === 'Ended') - Number(b.state.label === 'Ended') ||
            a.practitioner.fullName.localeCompare(b.practitioner.fullName),
        ),
      mayCreateTeams: hasRole(req, 'ORG_ADMIN'),
      teamName: form.teamName ?? '',
      errors: form.errors,
    });
  };

  router.get('/admin/structure', async (req, res, next) => {
    try {
      await renderStructure(req, res);
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/structure/teams', async (req, res, next) => {
    const name = String(req.body.teamName ?? '').trim();
    try {
      if (!name)
        return await renderStructure(req, res, {
          teamName: name,
          errors: errorsFor([{ field: 'teamName', text: 'Enter a name for the team' }]),
        });
      try {
        await req.api(AdminCreateTeamDocument, { input: { name } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        const errors = formErrorsFrom(error, 'teamName', { name: 'Team name' });
        // The API names the field `name`; on this page the box is `teamName`.
        const text = errors.list[0]?.text ?? error.message;
        return await renderStructure(req, res, {
          teamName: name,
          errors: errorsFor([{ field: 'teamName', text }]),
        });
      }
      req.session.flash = `Team ${name} created`;
      res.redirect(303, '/admin/structure');
    } catch (error) {
      next(error);
    }
  });

  const renderNewRelationship = async (
    req: Request,
    res: Response,
    values: RelationshipValues,
    errors?: FormErrors,
  ): Promise<void> => {
    const members = (await allMembers(req)).filter((m) => m.active);
    const reviewerRoles = Object.values(ROLE_FOR_CAPACITY) as string[];
    const options = (people: typeof members, selected: string) => [
      { value: '', text: 'Choose someone' },
      ...people.map((m) => ({
        value: m.userId,
        text: `${m.user.fullName} (${m.user.email})`,
        selected: m.userId === selected,
      })),
    ];
    res.status(errors ? 400 : 200).render('pages/admin/new-relationship', {
      values,
      errors,
      practitionerItems: options(
        members.filter((m) => m.roles.includes('PRACTITIONER')),
        values.practitionerUserId,
      ),
      assessorItems: options(
        members.filter((m) => m.roles.some((r) => reviewerRoles.includes(r))),
        values.assessorUserId,
      ),
      capacityItems: Object.entries(CAPACITY_NAMES).map(([value, text]) => ({
        value,
        text,
        checked: value === values.capacity,
      })),
    });
  };

  router.get('/admin/structure/relationships/new', async (req, res, next) => {
    try {
      await renderNewRelationship(req, res, {
        practitionerUserId: '',
        assessorUserId: '',
        capacity: '',
        startsOn: datePartsOf(ukToday(new Date())),
        endsOn: { day: '', month: '', year: '' },
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/structure/relationships', async (req, res, next) => {
    const values: RelationshipValues = {
      practitionerUserId: String(req.body.practitionerUserId ?? ''),
      assessorUserId: String(req.body.assessorUserId ?? ''),
      capacity: String(req.body.capacity ?? ''),
      startsOn: datePartsFrom(req.body, 'startsOn'),
      endsOn: datePartsFrom(req.body, 'endsOn'),
    };
    try {
      const capacity = capacityFromForm(values.capacity);
      const startsOn = isoDateFrom(values.startsOn, 'Starts on');
      const endsOn = isBlank(values.endsOn) ? undefined : isoDateFrom(values.endsOn, 'Ends on');
      const problems = [
        ...(isId(values.practitionerUserId)
          ? []
          : [{ field: 'practitionerUserId', text: 'Choose the practitioner' }]),
        ...(isId(values.assessorUserId)
          ? []
          : [{ field: 'assessorUserId', text: 'Choose the assessor, educator or supervisor' }]),
        ...(capacity ? [] : [{ field: 'capacity', text: 'Choose the capacity they act in' }]),
        ...(startsOn.ok ? [] : [{ field: 'startsOn', text: startsOn.message }]),
        ...(endsOn && !endsOn.ok ? [{ field: 'endsOn', text: endsOn.message }] : []),
      ];
      const dateFields = { dateFields: ['startsOn', 'endsOn'] };
      if (problems.length || !capacity || !startsOn.ok || (endsOn && !endsOn.ok))
        return await renderNewRelationship(req, res, values, inFormWords(errorsFor(problems), dateFields));
      try {
        await req.api(AdminCreateAssessorRelationshipDocument, {
          input: {
            practitionerUserId: values.practitionerUserId,
            assessorUserId: values.assessorUserId,
            capacity,
            startsOn: startsOn.value,
            ...(endsOn ? { endsOn: endsOn.value } : {}),
          },
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        const errors = formErrorsFrom(error, 'assessorUserId', RELATIONSHIP_LABELS);
        return await renderNewRelationship(req, res, values, inFormWords(errors, dateFields));
      }
      req.session.flash = 'Relationship added';
      res.redirect(303, '/admin/structure');
    } catch (error) {
      next(error);
    }
  });

  const renderEndRelationship = async (
    req: Request,
    res: Response,
    id: string,
    endsOn: DateParts | undefined,
    errors?: FormErrors,
  ): Promise<void> => {
    const relationship = (await allRelationships(req)).find((r) => r.id === id);
    if (!relationship) return res.status(404).render('pages/not-found');
    res.status(errors ? 400 : 200).render('pages/admin/end-relationship', {
      relationship: { ...relationship, capacityName: CAPACITY_NAMES[relationship.capacity] },
      endsOn: endsOn ?? datePartsOf(ukToday(new Date())),
      errors,
    });
  };

  router.get('/admin/structure/relationships/:id/end', async (req, res, next) => {
    if (!isId(req.params.id)) return res.status(404).render('pages/not-found');
    try {
      await renderEndRelationship(req, res, req.params.id, undefined);
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/structure/relationships/:id/end', async (req, res, next) => {
    const id = req.params.id;
    if (!isId(id)) return res.status(404).render('pages/not-found');
    const parts = datePartsFrom(req.body, 'endsOn');
    const dateFields = { dateFields: ['endsOn'] };
    try {
      const endsOn = isoDateFrom(parts, 'The last day in force');
      if (!endsOn.ok)
        return await renderEndRelationship(
          req,
          res,
          id,
          parts,
          inFormWords(errorsFor([{ field: 'endsOn', text: endsOn.message }]), dateFields),
        );
      try {
        await req.api(AdminEndAssessorRelationshipDocument, { input: { id, endsOn: endsOn.value } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        const errors = formErrorsFrom(error, 'endsOn', { endsOn: 'The last day in force' });
        return await renderEndRelationship(req, res, id, parts, inFormWords(errors, dateFields));
      }
      req.session.flash = 'Relationship ended';
      res.redirect(303, '/admin/structure');
    } catch (error) {
      next(error);
    }
  });

  return router;
}
