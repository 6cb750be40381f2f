import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_ASYE_POLICY,
  DEFAULT_CPD_REMINDER_THRESHOLDS,
  DEFAULT_REVIEW_TURNAROUND_DAYS,
  DEFAULT_SUPERVISION_POLICY,
  type AsyePolicy,
  type SupervisionPolicy,
} from '#app/domain';
import { AuditEventRepository, OrganisationPolicyRepository } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import type { UpdateCompliancePolicyInput } from './dto/update-compliance-policy.input.js';

/** The rules an organisation works to: its own where it set them, the domain's defaults elsewhere. */
export interface OrganisationPolicies {
  asye: AsyePolicy;
  supervision: SupervisionPolicy;
  reviewTurnaroundDays: number;
  cpdReminderDays: readonly number[];
}

const MANAGES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/** Reads and changes an organisation's ASYE, supervision and reminder policy. */
@Injectable()
export class OrganisationPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: OrganisationPolicyRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  async forOrganisation(organisationId: string, manager?: EntityManager): Promise<OrganisationPolicies> {
    const row = await this.policies.find(organisationId, manager);
    return {
      asye: row?.asyePolicy ?? DEFAULT_ASYE_POLICY,
      supervision: row?.supervisionPolicy ?? DEFAULT_SUPERVISION_POLICY,
      reviewTurnaroundDays: row?.reviewTurnaroundDays ?? DEFAULT_REVIEW_TURNAROUND_DAYS,
      cpdReminderDays: row?.cpdReminderDays ?? DEFAULT_CPD_REMINDER_THRESHOLDS,
    };
  }

  /** Changes the given settings; `resetToDefaults` first returns every setting to the domain's default. */
  async update(principal: Principal, input: UpdateCompliancePolicyInput): Promise<OrganisationPolicies> {
    return this.dataSource.transaction(async (manager) => {
      const current = input.resetToDefaults
        ? {
            asye: DEFAULT_ASYE_POLICY,
            supervision: DEFAULT_SUPERVISION_POLICY,
            reviewTurnaroundDays: DEFAULT_REVIEW_TURNAROUND_DAYS,
            cpdReminderDays: DEFAULT_CPD_REMINDER_THRESHOLDS,
          }
        : await this.forOrganisation(principal.organisationId, manager);
      const asye: AsyePolicy = {
        ...current.asye,
        ...(input.asyeProtectedTimePercent != null
          ? { protectedTimePercent: input.asyeProtectedTimePercent }
          : {}),
        ...(input.asyeMaxMonthsSinceQualifying !== undefined
          ? { maxMonthsSinceQualifying: input.asyeMaxMonthsSinceQualifying }
          : {}),
        ...(input.asyeReviewDueSoonDays != null ? { reviewDueSoonDays: input.asyeReviewDueSoonDays } : {}),
      };
      const supervision: SupervisionPolicy = {
        ...current.supervision,
        ...(input.supervisionMinMinutes != null ? { minMinutes: input.supervisionMinMinutes } : {}),
        ...(input.supervisionDueSoonDays != null ? { dueSoonDays: input.supervisionDueSoonDays } : {}),
      };
      const next: OrganisationPolicies = {
        asye,
        supervision,
        reviewTurnaroundDays: input.reviewTurnaroundDays ?? current.reviewTurnaroundDays,
        cpdReminderDays:
          input.cpdReminderDays != null
            ? [...new Set(input.cpdReminderDays)].sort((a, b) => b - a)
            : current.cpdReminderDays,
      };
      await this.policies.upsert(
        principal.organisationId,
        {
          asyePolicy: next.asye,
          supervisionPolicy: next.supervision,
          reviewTurnaroundDays: next.reviewTurnaroundDays,
          cpdReminderDays: [...next.cpdReminderDays],
          updatedByUserId: principal.userId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, MANAGES),
          action: 'COMPLIANCE_POLICY_UPDATED',
          entityType: 'ORGANISATION',
          entityId: principal.organisationId,
          subjectUserId: null,
          changes: { ...input },
        },
        manager,
      );
      return next;
    });
  }
}
