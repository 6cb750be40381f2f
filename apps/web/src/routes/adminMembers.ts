import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  AdminEndMembershipDocument,
  AdminInviteMemberDocument,
  AdminMemberDocument,
  AdminMembersDocument,
  AdminPendingInvitationsDocument,
  AdminResendInvitationDocument,
  AdminRevokeInvitationDocument,
  AdminSetMemberTeamDocument,
  AdminUpdateMemberRolesDocument,
  type Role,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import {
  datePartsFrom,
  datePartsOf,
  isoDateFrom,
  ukToday,
  type DateParts,
} from '../presenters/admin/dates.js';
import { inFormWords } from '../presenters/admin/formWording.js';
import { membershipState } from '../presenters/admin/membershipState.js';
import {
  REGULATOR_NAMES,
  grantableRoles,
  roleCheckboxItems,
  roleList,
  rolesFromForm,
} from '../presenters/admin/roleNames.js';
import { allTeams, isId, subjectAccessExportsOf } from './adminLists.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';

const MEMBERS_PER_PAGE = 50;

/** Where a subject access export stands, in words. */
const EXPORT_STATUS_NAMES: Record<string, string> = {
  QUEUED: 'Waiting to be made',
  RUNNING: 'Being made',
  READY: 'Ready',
  FAILED: 'Could not be made yet: it will be tried again',
};

const INVITE_LABELS = { email: 'Email address', fullName: 'Full name', roles: 'Roles', teamId: 'Team' };
const EMAIL_WORDING: [RegExp, string] = [
  /must be an email/i,
  'Enter an email address in the correct format, like name@example.com',
];

/** Members and invitations: administrators and PSWs (the API decides what else each may do). */
export const requireAdministration: RequestHandler = (req, res, next) =>
  hasRole(req, 'ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER') ? next() : res.status(404).render('pages/not-found');

interface InviteValues {
  email: string;
  fullName: string;
  roles: Role[];
  teamId: string;
}

/** The member's page, with what was typed into its forms when one was refused. */
export async function renderMember(
  req: Request,
  res: Response,
  userId: string,
  form: { roles?: string[]; teamId?: string; holdReason?: string; errors?: FormErrors } = {},
): Promise<void> {
  const isAdministrator = hasRole(req, 'ORG_ADMIN');
  const [{ member, organisation }, teams, exports] = await Promise.all([
    req.api(AdminMemberDocument, { userId }),
    isAdministrator ? allTeams(req) : Promise.resolve([]),
    isAdministrator ? subjectAccessExportsOf(req, userId) : Promise.resolve([]),
  ]);
  const teamId = form.teamId ?? member.teamId ?? '';
  res.status(form.errors ? 400 : 200).render('pages/admin/member', {
    member,
    roleNames: roleList(member.roles),
    registration: member.user.registrationNumber
      ? `${member.user.regulator ? REGULATOR_NAMES[member.user.regulator] : 'Regulator not recorded'}: ${member.user.registrationNumber}`
      : 'Not recorded',
    state: membershipState(member, ukToday(new Date()), organisation.leaverRetentionDays),
    leaverRetentionDays: organisation.leaverRetentionDays,
    isAdministrator,
    exports,
    exportStatusNames: EXPORT_STATUS_NAMES,
    holdReason: form.holdReason ?? '',
    isSelf: req.session.user?.userId === member.userId,
    roleItems: roleCheckboxItems(req.session.user?.roles ?? [], form.roles ?? member.roles),
    teamItems: [
      { value: '', text: 'No team' },
      ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId })),
    ],
    errors: form.errors,
  });
}

/** A handler for one member's page: a malformed id is not found; refusals go to the error handler. */
export const withMember =
  (handler: (req: Request, res: Response, userId: string) => Promise<void>): RequestHandler =>
  async (req, res, next) => {
    const userId = String(req.params.userId);
    if (!isId(userId)) return res.status(404).render('pages/not-found');
    try {
      await handler(req, res, userId);
    } catch (error) {
      next(error);
    }
  };

export function adminMembersRoutes(): Router {
  const router = Router();
  router.use('/admin', requireAdministration);

  router.get('/admin/members', async (req, res, next) => {
    try {
      const page = pageRequest(req.query, MEMBERS_PER_PAGE);
      const [{ members }, { pendingInvitations }] = await Promise.all([
        req.api(AdminMembersDocument, page),
        req.api(AdminPendingInvitationsDocument, { first: 100 }),
      ]);
      const today = ukToday(new Date());
      res.render('pages/admin/members', {
        members: members.nodes.map((m) => ({
          ...m,
          roleNames: roleList(m.roles),
          // The list shows the tag only; the member's page says what it means for their records.
          state: membershipState(m, today, 0),
        })),
        pages: pageLinks(members.pageInfo, page, (cursor) => `/admin/members?${new URLSearchParams(cursor)}`),
        invitations: pendingInvitations.nodes.map((i) => ({ ...i, roleNames: roleList(i.roles) })),
      });
    } catch (error) {
      next(error);
    }
  });

  const renderInvite = async (
    req: Request,
    res: Response,
    values: InviteValues,
    errors?: FormErrors,
  ): Promise<void> => {
    const teams = await allTeams(req);
    res.status(errors ? 400 : 200).render('pages/admin/invite', {
      values,
      errors,
      roleItems: roleCheckboxItems(req.session.user?.roles ?? [], values.roles),
      teamItems: [
        { value: '', text: 'No team' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === values.teamId })),
      ],
    });
  };

  router.get('/admin/members/invite', async (req, res, next) => {
    try {
      await renderInvite(req, res, { email: '', fullName: '', roles: [], teamId: '' });
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/members/invite', async (req, res, next) => {
    const values: InviteValues = {
      email: String(req.body.email ?? '').trim(),
      fullName: String(req.body.fullName ?? '').trim(),
      roles: rolesFromForm(req.body.roles),
      teamId: typeof req.body.teamId === 'string' && isId(req.body.teamId) ? req.body.teamId : '',
    };
    try {
      const missing = [
        ...(values.fullName ? [] : [{ field: 'fullName', text: 'Enter their full name' }]),
        ...(values.email ? [] : [{ field: 'email', text: 'Enter their email address' }]),
        ...(values.roles.length ? [] : [{ field: 'roles', text: 'Select at least one role' }]),
      ];
      if (missing.length) return await renderInvite(req, res, values, errorsFor(missing));
      try {
        await req.api(AdminInviteMemberDocument, {
          input: {
            email: values.email,
            fullName: values.fullName,
            roles: values.roles,
            teamId: values.teamId || null,
          },
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        const errors = inFormWords(formErrorsFrom(error, 'email', INVITE_LABELS), {
          wording: { email: EMAIL_WORDING },
        });
        return await renderInvite(req, res, values, errors);
      }
      req.session.flash = `Invitation sent to ${values.email.toLowerCase()}`;
      res.redirect(303, '/admin/members');
    } catch (error) {
      next(error);
    }
  });

  /** Resend or withdraw: `act` returns the invitation's email, for the one-line message. */
  const invitationAction =
    (act: (req: Request, invitationId: string) => Promise<string>, done: string): RequestHandler =>
    async (req, res, next) => {
      const invitationId = String(req.params.invitationId);
      if (!isId(invitationId)) return res.status(404).render('pages/not-found');
      try {
        req.session.flash = `${done} ${await act(req, invitationId)}`;
      } catch (error) {
        if (!isFormError(error)) return next(error);
        // Accepted or withdrawn meanwhile: say so above the list, which now shows how it stands.
        req.session.flash = error.message;
      }
      res.redirect(303, '/admin/members');
    };
  router.post(
    '/admin/invitations/:invitationId/resend',
    invitationAction(
      async (req, invitationId) =>
        (await req.api(AdminResendInvitationDocument, { input: { invitationId } })).resendInvitation.email,
      'Invitation sent again to',
    ),
  );
  router.post(
    '/admin/invitations/:invitationId/revoke',
    invitationAction(
      async (req, invitationId) =>
        (await req.api(AdminRevokeInvitationDocument, { input: { invitationId } })).revokeInvitation.email,
      'Invitation withdrawn for',
    ),
  );

  router.get(
    '/admin/members/:userId',
    withMember((req, res, userId) => renderMember(req, res, userId)),
  );

  router.post(
    '/admin/members/:userId/roles',
    withMember(async (req, res, userId) => {
      // Roles the caller may not grant are not on the form (a PSW's view of an administrator): keep them.
      const { member } = await req.api(AdminMemberDocument, { userId });
      const grantable = grantableRoles(req.session.user?.roles ?? []);
      const roles = rolesFromForm([
        ...rolesFromForm(req.body.roles),
        ...member.roles.filter((r) => !grantable.includes(r)),
      ]);
      if (!roles.length)
        return renderMember(req, res, userId, {
          roles,
          errors: errorsFor([{ field: 'roles', text: 'Select at least one role' }]),
        });
      try {
        await req.api(AdminUpdateMemberRolesDocument, { input: { userId, roles } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderMember(req, res, userId, {
          roles,
          errors: formErrorsFrom(error, 'roles', { roles: 'Roles' }),
        });
      }
      req.session.flash = 'Roles changed';
      res.redirect(303, `/admin/members/${userId}`);
    }),
  );

  router.post(
    '/admin/members/:userId/team',
    withMember(async (req, res, userId) => {
      const teamId = typeof req.body.teamId === 'string' && isId(req.body.teamId) ? req.body.teamId : null;
      try {
        await req.api(AdminSetMemberTeamDocument, { input: { userId, teamId } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderMember(req, res, userId, {
          teamId: teamId ?? '',
          errors: formErrorsFrom(error, 'teamId', { teamId: 'Team' }),
        });
      }
      req.session.flash = 'Team changed';
      res.redirect(303, `/admin/members/${userId}`);
    }),
  );

  /** Ending a membership: a day, then a page to confirm it, then the API. */
  const renderEnd = async (
    req: Request,
    res: Response,
    userId: string,
    endsOn: DateParts,
    errors?: FormErrors,
  ): Promise<void> => {
    const { member, organisation } = await req.api(AdminMemberDocument, { userId });
    res.status(errors ? 400 : 200).render('pages/admin/end-membership', {
      member,
      endsOn,
      leaverRetentionDays: organisation.leaverRetentionDays,
      errors,
    });
  };

  router.get(
    '/admin/members/:userId/end',
    withMember(async (req, res, userId) => {
      const { member } = await req.api(AdminMemberDocument, { userId });
      await renderEnd(req, res, userId, datePartsOf(member.endsOn));
    }),
  );

  router.post(
    '/admin/members/:userId/end',
    withMember(async (req, res, userId) => {
      const parts = datePartsFrom(req.body, 'endsOn');
      const endsOn = isoDateFrom(parts, 'The first day without access');
      if (!endsOn.ok)
        return renderEnd(
          req,
          res,
          userId,
          parts,
          inFormWords(errorsFor([{ field: 'endsOn', text: endsOn.message }]), { dateFields: ['endsOn'] }),
        );
      const { member, organisation } = await req.api(AdminMemberDocument, { userId });
      res.render('pages/admin/end-membership-confirm', {
        member,
        endsOn: endsOn.value,
        leaverRetentionDays: organisation.leaverRetentionDays,
      });
    }),
  );

  router.post(
    '/admin/members/:userId/end/confirm',
    withMember(async (req, res, userId) => {
      const endsOn = String(req.body.endsOn ?? '');
      const revision = Number(req.body.expectedRevision);
      try {
        await req.api(AdminEndMembershipDocument, {
          input: {
            userId,
            endsOn,
            ...(Number.isInteger(revision) ? { expectedRevision: revision } : {}),
          },
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderEnd(
          req,
          res,
          userId,
          datePartsOf(endsOn),
          inFormWords(formErrorsFrom(error, 'endsOn', { endsOn: 'The first day without access' }), {
            dateFields: ['endsOn'],
          }),
        );
      }
      req.session.flash = 'Membership ended';
      res.redirect(303, `/admin/members/${userId}`);
    }),
  );

  return router;
}
