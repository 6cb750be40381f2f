import { Router, type Request, type Response } from 'express';
import {
  AdminErasePersonDocument,
  AdminMemberDocument,
  AdminPlaceLegalHoldDocument,
  AdminReleaseLegalHoldDocument,
  AdminRequestSubjectAccessExportDocument,
  AdminRotateCredentialSigningKeyDocument,
  AdminRunReminderScanDocument,
  AdminSetLeaverRetentionDocument,
  AdminSettingsDocument,
  AdminUpdateCompliancePolicyDocument,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import {
  POLICY_FIELDS,
  policyInputFrom,
  policyValuesFrom,
  policyValuesOf,
  reminderScanSummary,
  type PolicyValues,
} from '../presenters/admin/compliancePolicy.js';
import type { Services } from '../services/index.js';
import { isId } from './adminLists.js';
import { renderMember, requireAdministration, withMember } from './adminMembers.js';
import { sendDownload } from './sendDownload.js';

const RETENTION_LABELS = { days: 'Days leavers keep their records' };

const notFound = (res: Response) => res.status(404).render('pages/not-found');

/**
 * Settings and compliance (the compliance policy, leaver retention), what an administrator does about one
 * person's records (legal hold, subject access, erasure) and reminders (the scan, the signing key).
 * Only administrators and PSWs reach these pages (the same guard as the members pages); the API decides the rest.
 */
export function adminSettingsRoutes(services: Services): Router {
  const router = Router();
  router.use('/admin', requireAdministration);

  const renderSettings = async (
    req: Request,
    res: Response,
    form: { policy?: PolicyValues; retentionDays?: string; errors?: FormErrors } = {},
  ): Promise<void> => {
    const { compliancePolicy, organisation } = await req.api(AdminSettingsDocument, {});
    res.status(form.errors ? 400 : 200).render('pages/admin/settings', {
      section: 'settings',
      policy: form.policy ?? policyValuesOf(compliancePolicy),
      retentionDays: form.retentionDays ?? String(organisation.leaverRetentionDays),
      isAdministrator: hasRole(req, 'ORG_ADMIN'),
      errors: form.errors,
    });
  };

  router.get('/admin/settings', async (req, res, next) => {
    try {
      await renderSettings(req, res);
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/settings/policy', async (req, res, next) => {
    const policy = policyValuesFrom(req.body);
    try {
      const read = policyInputFrom(policy);
      if (!read.ok) return await renderSettings(req, res, { policy, errors: read.errors });
      try {
        await req.api(AdminUpdateCompliancePolicyDocument, { input: read.input });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return await renderSettings(req, res, {
          policy,
          errors: formErrorsFrom(error, 'reviewTurnaroundDays', POLICY_FIELDS),
        });
      }
      req.session.flash = 'Compliance settings saved';
      res.redirect(303, '/admin/settings');
    } catch (error) {
      next(error);
    }
  });

  router.post('/admin/settings/retention', async (req, res, next) => {
    const retentionDays = String(req.body.days ?? '').trim();
    try {
      if (!/^\d{1,6}$/.test(retentionDays))
        return await renderSettings(req, res, {
          retentionDays,
          errors: errorsFor([
            { field: 'days', text: 'Enter the number of days leavers keep their records, like 90' },
          ]),
        });
      try {
        await req.api(AdminSetLeaverRetentionDocument, { input: { days: Number(retentionDays) } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return await renderSettings(req, res, {
          retentionDays,
          errors: formErrorsFrom(error, 'days', RETENTION_LABELS),
        });
      }
      req.session.flash = `Leavers now keep their records for ${Number(retentionDays)} days`;
      res.redirect(303, '/admin/settings');
    } catch (error) {
      next(error);
    }
  });

  router.post(
    '/admin/members/:userId/legal-hold',
    withMember(async (req, res, userId) => {
      const reason = String(req.body.reason ?? '').trim();
      const expectedRevision = Number(req.body.expectedRevision);
      if (!reason)
        return renderMember(req, res, userId, {
          holdReason: reason,
          errors: errorsFor([{ field: 'reason', text: 'Enter why their records must be kept' }]),
        });
      try {
        await req.api(AdminPlaceLegalHoldDocument, {
          input: { userId, reason, ...(Number.isInteger(expectedRevision) ? { expectedRevision } : {}) },
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderMember(req, res, userId, {
          holdReason: reason,
          errors: formErrorsFrom(error, 'reason', { reason: 'The reason' }),
        });
      }
      req.session.flash = 'Legal hold placed: their records will not be erased while it holds';
      res.redirect(303, `/admin/members/${userId}`);
    }),
  );

  router.post(
    '/admin/members/:userId/legal-hold/release',
    withMember(async (req, res, userId) => {
      const expectedRevision = Number(req.body.expectedRevision);
      try {
        await req.api(AdminReleaseLegalHoldDocument, {
          input: { userId, ...(Number.isInteger(expectedRevision) ? { expectedRevision } : {}) },
        });
        req.session.flash = 'Legal hold released';
      } catch (error) {
        if (!isFormError(error)) throw error;
        // Released or changed by someone else meanwhile: the page now shows how it stands.
        req.session.flash = error.message;
      }
      res.redirect(303, `/admin/members/${userId}`);
    }),
  );

  router.post(
    '/admin/members/:userId/subject-access',
    withMember(async (req, res, userId) => {
      await req.api(AdminRequestSubjectAccessExportDocument, { input: { userId } });
      req.session.flash = 'Subject access export requested: it appears below when it is ready';
      res.redirect(303, `/admin/members/${userId}#subject-access`);
    }),
  );

  // The API serves the archive itself, without the session: this path carries it.
  router.get('/admin/members/:userId/subject-access/:exportId/archive.zip', async (req, res, next) => {
    const exportId = String(req.params.exportId);
    if (!isId(String(req.params.userId)) || !isId(exportId)) return notFound(res);
    try {
      sendDownload(
        res,
        await services.http.download(
          `/subject-access-exports/${encodeURIComponent(exportId)}/archive.zip`,
          await req.callContext(),
        ),
      );
    } catch (error) {
      next(error);
    }
  });

  router.get(
    '/admin/members/:userId/erase',
    withMember(async (req, res, userId) => {
      if (!hasRole(req, 'ORG_ADMIN')) return void notFound(res);
      const { member } = await req.api(AdminMemberDocument, { userId });
      res.render('pages/admin/erase-confirm', { member });
    }),
  );

  router.post(
    '/admin/members/:userId/erase',
    withMember(async (req, res, userId) => {
      const { member } = await req.api(AdminMemberDocument, { userId });
      try {
        await req.api(AdminErasePersonDocument, { input: { userId, confirm: true } });
      } catch (error) {
        if (!isFormError(error)) throw error;
        // A hold, the retention period or a membership not yet ended: say which, in the API's words.
        return res.status(409).render('pages/admin/erase-refused', { member, refusal: error.message });
      }
      req.session.flash = `${member.user.fullName}’s records were erased`;
      res.redirect(303, '/admin/members');
    }),
  );

  router.get('/admin/reminders', (req, res) =>
    res.render('pages/admin/reminders', { section: 'reminders', isAdministrator: hasRole(req, 'ORG_ADMIN') }),
  );

  router.post('/admin/reminders/scan', async (req, res, next) => {
    try {
      const { runReminderScan } = await req.api(AdminRunReminderScanDocument, {});
      res.render('pages/admin/reminders', {
        section: 'reminders',
        isAdministrator: hasRole(req, 'ORG_ADMIN'),
        scan: reminderScanSummary(runReminderScan),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/admin/reminders/signing-key', (req, res) =>
    hasRole(req, 'ORG_ADMIN') ? res.render('pages/admin/signing-key-confirm') : notFound(res),
  );

  router.post('/admin/reminders/signing-key', async (req, res, next) => {
    try {
      const { rotateCredentialSigningKey } = await req.api(AdminRotateCredentialSigningKeyDocument, {});
      req.session.flash = `New signing key ${rotateCredentialSigningKey.keyId} in use; credentials signed before still verify`;
      res.redirect(303, '/admin/reminders');
    } catch (error) {
      next(error);
    }
  });

  return router;
}
