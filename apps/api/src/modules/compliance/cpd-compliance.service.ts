import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CPD_RULE_SETS,
  DomainError,
  evaluateCpdCompliance,
  listCpdAtRisk,
  type CpdComplianceResult,
  type PractitionerCpdFacts,
} from '#app/domain';
import {
  AuditEventRepository,
  ComplianceFactsRepository,
  CpdDeclarationRepository,
  type MemberFacts,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { manyByKey } from '../../graphql/group-by-key.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import { toCpdComplianceFacts } from './cpd-facts.mapper.js';
import type { CpdAtRiskArgs } from './dto/cpd-at-risk.args.js';
import type { RecordCpdDeclarationInput } from './dto/record-cpd-declaration.input.js';
import type { CpdCompliance } from './models/cpd-compliance.model.js';

const ORGANISATION_VIEW = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/** Regulators' CPD rules applied to practitioners' portfolios (reference §3.2, §4, §10 rules 1 and 2). */
@Injectable()
export class CpdComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: ComplianceFactsRepository,
    private readonly declarations: CpdDeclarationRepository,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * One practitioner's compliance: their own, or (for a PSW or someone assigned to review or
   * supervise them) a member's of the same organisation. Anyone else is refused, and so is a person
   * outside the organisation, without saying whether they exist.
   */
  async forPractitioner(
    principal: Principal,
    practitionerUserId: string | undefined,
    periodContaining?: string,
  ): Promise<CpdCompliance> {
    const userId = practitionerUserId ?? principal.userId;
    await this.assertMayRead(principal, userId);
    const [member] = await this.facts.findMembers(principal.organisationId, { userIds: [userId] });
    if (!member) throw denied();
    const [result] = await this.evaluate(principal.organisationId, [member], { periodContaining });
    return result!;
  }

  /** Who in the organisation (or a team) is at risk of missing their deadline, fewest days left first. */
  async atRisk(principal: Principal, args: CpdAtRiskArgs): Promise<ConnectionShape<CpdCompliance>> {
    if (!hasAnyRole(principal, ORGANISATION_VIEW)) {
      throw new DomainError('ROLE_REQUIRED', 'Only PSWs and administrators see who is at risk.');
    }
    const page = pageRequest(args, ['number', 'uuid']);
    const after = page.cursor;
    const members = (
      await this.facts.findMembers(principal.organisationId, { teamId: args.teamId, role: 'PRACTITIONER' })
    ).filter((m) => m.active);
    const report = listCpdAtRisk(await this.factsFor(principal.organisationId, members), this.clock.now());
    const rows = report.atRisk
      .filter(
        (r) =>
          after === null ||
          r.result.daysLeft > after[0] ||
          (r.result.daysLeft === after[0] && r.practitionerId > after[1]),
      )
      .slice(0, page.limit)
      .map((r) => toModel(r.practitionerId, r.result));
    return toConnection(rows, page, (c) => [c.daysLeft, c.practitionerUserId]);
  }

  /** Records the caller's declaration, where their regulator's rules for that period ask for one. */
  async recordDeclaration(principal: Principal, input: RecordCpdDeclarationInput): Promise<CpdCompliance> {
    if (input.madeOn > this.clock.today()) {
      throw new DomainError(
        'INVALID_DATE_RANGE',
        'A declaration cannot be dated in the future.',
        'input.madeOn',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const [member] = await this.facts.findMembers(
        principal.organisationId,
        { userIds: [principal.userId] },
        manager,
      );
      if (!member) throw denied();
      const facts = toCpdComplianceFacts(member, [], [], 'input.madeOn');
      const period = evaluateCpdCompliance(facts, this.clock.now(), CPD_RULE_SETS, {
        periodContaining: input.madeOn,
      });
      if (!period.requirements.some((r) => r.code === 'DECLARATION')) {
        throw new DomainError(
          'CPD_DECLARATION_NOT_REQUIRED',
          `Your regulator's rules for that period (${period.ruleSetId}) ask for CPD records, not a declaration.`,
          'input.madeOn',
          { ruleSetId: period.ruleSetId },
        );
      }
      const declaration = await this.declarations.insert(
        {
          organisationId: principal.organisationId,
          userId: principal.userId,
          regulator: facts.regulator,
          madeOn: input.madeOn,
          ruleSetId: period.ruleSetId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['PRACTITIONER']),
          action: 'CPD_DECLARATION_RECORDED',
          entityType: 'CPD_DECLARATION',
          entityId: declaration.id,
          subjectUserId: principal.userId,
          changes: { regulator: facts.regulator, madeOn: input.madeOn, ruleSetId: period.ruleSetId },
        },
        manager,
      );
      return toModel(
        principal.userId,
        evaluateCpdCompliance(
          { ...facts, declarations: [{ madeOn: input.madeOn }] },
          this.clock.now(),
          CPD_RULE_SETS,
          { periodContaining: input.madeOn },
        ),
      );
    });
  }

  /**
   * The CPD facts of many members of one organisation: two statements (their CPD pieces and their
   * declarations) whatever their number. Shared with the reminder scan.
   */
  async factsFor(organisationId: string, members: readonly MemberFacts[]): Promise<PractitionerCpdFacts[]> {
    const ids = members.map((m) => m.userId);
    const [pieces, declarations] = await Promise.all([
      this.facts.findCpdPiecesForRules(organisationId, ids),
      this.declarations.findByUserIds(organisationId, ids),
    ]);
    const piecesOf = manyByKey(ids, pieces, (p) => p.ownerUserId);
    const declarationsOf = manyByKey(ids, declarations, (d) => d.userId);
    return members.flatMap((m, i) =>
      m.regulator === null
        ? []
        : [
            {
              practitionerId: m.userId,
              facts: toCpdComplianceFacts(m, piecesOf[i]!, declarationsOf[i]!),
            },
          ],
    );
  }

  private async evaluate(
    organisationId: string,
    members: readonly MemberFacts[],
    options: { periodContaining?: string },
  ): Promise<CpdCompliance[]> {
    const noRegulator = members.find((m) => m.regulator === null);
    if (noRegulator) {
      throw new DomainError(
        'REGULATOR_REQUIRED',
        'No regulator is recorded for this practitioner, so their CPD rules are not known.',
        'practitionerUserId',
      );
    }
    const all = await this.factsFor(organisationId, members);
    return all.map(({ practitionerId, facts }) =>
      toModel(practitionerId, evaluateCpdCompliance(facts, this.clock.now(), CPD_RULE_SETS, options)),
    );
  }

  private async assertMayRead(principal: Principal, userId: string): Promise<void> {
    if (!(await this.access.find(principal, userId, 'READ_CPD_COMPLIANCE'))) throw denied();
  }
}

function denied(): DomainError {
  return new DomainError(
    'ACCESS_DENIED',
    'You may see only your own CPD compliance, or that of someone you review or supervise.',
    'practitionerUserId',
  );
}

export function toModel(practitionerUserId: string, result: CpdComplianceResult): CpdCompliance {
  return {
    practitionerUserId,
    regulator: result.regulator,
    ruleSetId: result.ruleSetId,
    ruleSetDescription: CPD_RULE_SETS.find((r) => r.id === result.ruleSetId)?.description ?? '',
    periodStart: result.period.start,
    periodEnd: result.period.end,
    deadlineOn: result.period.deadlineOn,
    deadline: result.period.deadline,
    renewalWindowOpensOn: result.renewalWindowOpensOn,
    daysLeft: result.daysLeft,
    deadlinePassed: result.deadlinePassed,
    exempt: result.exempt,
    met: result.met,
    atRisk: result.atRisk,
    requirements: result.requirements.map((r) => ({
      code: r.code,
      met: r.met,
      current: r.progress.current,
      required: r.progress.required,
      unit: r.progress.unit,
      missing: r.missing,
    })),
  };
}
