import { Injectable } from '@nestjs/common';
import {
  asyeReviewPointsToRemind,
  CPD_RULE_SETS,
  DomainError,
  dueCpdReminders,
  evaluateCpdCompliance,
  isReviewWaitingTooLong,
  londonDateOf,
  type NotificationKind,
  type Regulator,
} from '#app/domain';
import {
  AsyeProgrammeRepository,
  ComplianceFactsRepository,
  MembershipRepository,
  NotificationRepository,
  type NewNotification,
  type WaitingSubmission,
} from '#app/persistence';
import { AsyeQueryService } from '../asye/asye-query.service.js';
import { CpdComplianceService } from '../compliance/cpd-compliance.service.js';
import {
  OrganisationPolicyService,
  type OrganisationPolicies,
} from '../compliance/organisation-policy.service.js';
import { SupervisionService } from '../supervision/supervision.service.js';
import { NotificationMailer } from './notification-mailer.js';

const REGULATOR_NAMES: Record<Regulator, string> = {
  SOCIAL_WORK_ENGLAND: 'Social Work England',
  SOCIAL_CARE_WALES: 'Social Care Wales',
  SSSC: 'SSSC',
  NISCC: 'NISCC',
};

/** Longest a notification waits for its email: an older one is not sent late. */
const EMAIL_MAX_AGE_DAYS = 3;
const DAY_MS = 86_400_000;

export type ReminderScanResult = Record<NotificationKind, number> & { emailed: number };

/**
 * The scheduled checks that turn deadlines into notifications: CPD deadlines approaching with
 * requirements unmet, evidence waiting for review longer than the organisation's target, ASYE
 * review points due, supervision overdue. Each reminder has a dedupe key unique per recipient, and
 * the insert skips keys already used, so a scan can run any number of times, on any number of
 * instances, at once or after a restart: each reminder is stored once, and emailed at most once.
 * Time is an argument: the job queue passes the clock's now, tests pass the instant they want.
 */
@Injectable()
export class ReminderScanService {
  constructor(
    private readonly facts: ComplianceFactsRepository,
    private readonly programmes: AsyeProgrammeRepository,
    private readonly memberships: MembershipRepository,
    private readonly notifications: NotificationRepository,
    private readonly policies: OrganisationPolicyService,
    private readonly cpd: CpdComplianceService,
    private readonly asye: AsyeQueryService,
    private readonly supervision: SupervisionService,
    private readonly mailer: NotificationMailer,
  ) {}

  /**
   * Scans every organisation, or only `organisationId` (a scan one organisation asked for: its
   * members, reminders and emails only). Memberships whose end date has come are closed first, so
   * nobody who has left is reminded.
   */
  async runReminderScan(asOf: Date, organisationId: string | null = null): Promise<ReminderScanResult> {
    const result: ReminderScanResult = {
      CPD_DEADLINE: 0,
      REVIEW_WAITING: 0,
      ASYE_REVIEW_DUE: 0,
      SUPERVISION_OVERDUE: 0,
      emailed: 0,
    };
    const today = londonDateOf(asOf);
    await this.memberships.closeEnded(organisationId, today);
    // Anything waiting at least a day, filtered below by each organisation's own target.
    const waiting = await this.facts.findWaitingForReview(new Date(asOf.getTime() - DAY_MS), organisationId);
    const open = await this.programmes.findOpen(organisationId);
    const organisationIds = organisationId ? [organisationId] : await this.facts.findOrganisationIds();
    for (const organisationId of organisationIds) {
      const policies = await this.policies.forOrganisation(organisationId);
      const rows = [
        ...(await this.cpdReminders(organisationId, asOf, policies)),
        ...reviewReminders(
          organisationId,
          waiting.filter((w) => w.organisationId === organisationId),
          asOf,
          policies,
        ),
        ...(await this.asyeReminders(
          organisationId,
          open.filter((p) => p.organisationId === organisationId),
          today,
        )),
        ...(await this.supervisionReminders(organisationId, today)),
      ];
      const created = await this.notifications.insertNew(rows);
      for (const n of created) {
        result[n.kind] += 1;
        if (!this.mailer.enabled) this.mailer.logCreated(n);
      }
    }
    result.emailed = await this.deliverEmails(organisationId);
    return result;
  }

  /**
   * Emails notifications not emailed yet, one at a time: each is claimed (marked emailed, skipping
   * any another instance holds) and the claim committed before its email is handed to the mail
   * server, so no crash or restart can send one twice. If the server refuses it, the claim is given
   * back for the next run. The price: a process killed while a message is in flight loses that one
   * email (the notification itself stays in the API).
   */
  async deliverEmails(organisationId: string | null = null): Promise<number> {
    if (!this.mailer.enabled) return 0;
    let sent = 0;
    for (;;) {
      const n = await this.notifications.claimUnsent(EMAIL_MAX_AGE_DAYS, organisationId);
      if (!n) return sent;
      try {
        await this.mailer.send(n.email, n.title, `${n.body}\n\nSign in to Pathways to see more.`, n.id);
      } catch (error) {
        await this.notifications.releaseClaim(n.organisationId, n.id);
        throw error;
      }
      sent += 1;
    }
  }

  /** Reminders of CPD deadlines at the organisation's thresholds (default 60, 30, 7 days), to the practitioner. */
  private async cpdReminders(
    organisationId: string,
    asOf: Date,
    policies: OrganisationPolicies,
  ): Promise<NewNotification[]> {
    const members = (await this.facts.findMembers(organisationId, { role: 'PRACTITIONER' })).filter(
      (m) => m.active,
    );
    const [all, used] = await Promise.all([
      this.cpd.factsFor(organisationId, members),
      this.notifications.findKeys(organisationId, 'CPD_DEADLINE:'),
    ]);
    return all.flatMap(({ practitionerId, facts }) => {
      let result;
      try {
        result = evaluateCpdCompliance(facts, asOf, CPD_RULE_SETS);
      } catch (error) {
        if (error instanceof DomainError) return []; // cannot be judged: no reminder
        throw error;
      }
      const prefix = `CPD_DEADLINE:${result.ruleSetId}:${result.period.end}:`;
      const sent = used
        .filter((k) => k.recipientUserId === practitionerId && k.dedupeKey.startsWith(prefix))
        .map((k) => Number(k.dedupeKey.slice(prefix.length)));
      const due = dueCpdReminders(
        { daysLeft: result.daysLeft, met: result.met, sentThresholds: sent },
        policies.cpdReminderDays,
      );
      if (due === null) return [];
      const missing = result.requirements.flatMap((r) => (r.missing ? [r.missing] : []));
      return [
        {
          organisationId,
          recipientUserId: practitionerId,
          kind: 'CPD_DEADLINE' as const,
          title: `Your CPD is due in ${result.daysLeft} day${result.daysLeft === 1 ? '' : 's'}`,
          body:
            `Your ${REGULATOR_NAMES[result.regulator]} CPD for ${result.period.start} to ${result.period.end} ` +
            `is due by 23:59 UK time on ${result.period.deadlineOn}. Still needed: ${missing.join(' ')}`,
          dedupeKey: `${prefix}${due}`,
          entityType: null,
          entityId: null,
        },
      ];
    });
  }

  /** Reminders of ASYE review points due soon or overdue, to the assessor and the NQSW. */
  private async asyeReminders(
    organisationId: string,
    programmes: Parameters<AsyeQueryService['summaries']>[1],
    today: string,
  ): Promise<NewNotification[]> {
    const summaries = await this.asye.summaries(organisationId, programmes, today);
    return summaries.flatMap(({ record, summary }) => {
      const p = record.programme;
      return asyeReviewPointsToRemind(summary).flatMap((point) =>
        [
          { to: p.assessorUserId, whose: 'An ASYE you assess' },
          { to: p.practitionerUserId, whose: 'Your ASYE' },
        ].map(({ to, whose }) => ({
          organisationId,
          recipientUserId: to,
          kind: 'ASYE_REVIEW_DUE' as const,
          title: point.overdue ? 'ASYE review point overdue' : 'ASYE review point due soon',
          body: `${whose}: the ${point.code} review point is ${point.overdue ? 'overdue since' : 'due on'} ${point.dueOn}.`,
          dedupeKey: `ASYE_REVIEW_DUE:${p.id}:${point.code}:${point.dueOn}`,
          entityType: 'ASYE_PROGRAMME',
          entityId: p.id,
        })),
      );
    });
  }

  /** Reminders of overdue supervision, to the supervisee and their supervisor, once per missed due date. */
  private async supervisionReminders(organisationId: string, today: string): Promise<NewNotification[]> {
    const statuses = await this.supervision.statuses(organisationId, today);
    return statuses
      .filter((s) => s.overdue && s.nextDueOn !== null)
      .flatMap((s) => {
        const rows: NewNotification[] = [
          {
            organisationId,
            recipientUserId: s.superviseeUserId,
            kind: 'SUPERVISION_OVERDUE',
            title: 'Your supervision is overdue',
            body: `Your next supervision was due on ${s.nextDueOn}. Arrange a session with your supervisor.`,
            dedupeKey: `SUPERVISION_OVERDUE:${s.superviseeUserId}:${s.nextDueOn}`,
            entityType: null,
            entityId: null,
          },
        ];
        if (s.supervisorUserId) {
          rows.push({
            organisationId,
            recipientUserId: s.supervisorUserId,
            kind: 'SUPERVISION_OVERDUE',
            title: 'Supervision overdue for someone you supervise',
            body: `A supervision session you give was due on ${s.nextDueOn}. See overdue supervision in Pathways.`,
            dedupeKey: `SUPERVISION_OVERDUE:${s.superviseeUserId}:${s.nextDueOn}`,
            entityType: null,
            entityId: null,
          });
        }
        return rows;
      });
  }
}

/** Reminders of submissions waiting longer than the organisation's target, to the reviewer, once each. */
function reviewReminders(
  organisationId: string,
  waiting: readonly WaitingSubmission[],
  asOf: Date,
  policies: OrganisationPolicies,
): NewNotification[] {
  return waiting
    .filter((w) => isReviewWaitingTooLong(w.submittedAt, asOf, policies.reviewTurnaroundDays))
    .map((w) => ({
      organisationId,
      recipientUserId: w.reviewerUserId,
      kind: 'REVIEW_WAITING',
      title: 'Evidence waiting for your review',
      body:
        `A piece of evidence submitted to you on ${londonDateOf(w.submittedAt)} has waited more than ` +
        `${policies.reviewTurnaroundDays} days for your decision.`,
      dedupeKey: `REVIEW_WAITING:${w.versionId}`,
      entityType: 'EVIDENCE_VERSION',
      entityId: w.versionId,
    }));
}
