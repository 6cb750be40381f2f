import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type AsyeProgressSummary } from '#app/domain';
import {
  AsyeProgrammeRepository,
  ComplianceFactsRepository,
  type AsyeProgrammeEntity,
  type AsyeProgrammeRecord,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { OrganisationPolicyService } from '../compliance/organisation-policy.service.js';
import { partsOf } from './asye-parts.js';
import { summarise, toModel } from './asye-programme.mapper.js';
import type { AsyeProgramme } from './models/asye.model.js';

/**
 * Reads ASYE programmes with their progress: one NQSW's, the cohort, and the set-based summaries
 * that reminders and workforce insight use.
 */
@Injectable()
export class AsyeQueryService {
  constructor(
    private readonly programmes: AsyeProgrammeRepository,
    private readonly facts: ComplianceFactsRepository,
    private readonly policies: OrganisationPolicyService,
    private readonly clock: Clock,
  ) {}

  /** The NQSW's current ASYE, for them, their assessor and line manager, PSWs and administrators. */
  async forPractitioner(principal: Principal, practitionerUserId?: string): Promise<AsyeProgramme> {
    const userId = practitionerUserId ?? principal.userId;
    const programme = await this.programmes.findCurrentForPractitioner(principal.organisationId, userId);
    if (!programme || partsOf(principal, programme).length === 0) {
      throw new DomainError(
        'ASYE_NOT_FOUND',
        'No ASYE you may see for this practitioner.',
        'practitionerUserId',
      );
    }
    return this.view(principal.organisationId, programme);
  }

  /** Every ASYE of the organisation (PSWs and administrators): five statements whatever their number. */
  async cohort(principal: Principal, includeConfirmed: boolean): Promise<AsyeProgramme[]> {
    const programmes = await this.programmes.findForOrganisation(principal.organisationId, includeConfirmed);
    return (await this.summaries(principal.organisationId, programmes, this.clock.today())).map(toModel);
  }

  /** The open ASYEs whose second opinion was asked of the caller, given or not yet. */
  async secondOpinionRequests(principal: Principal): Promise<AsyeProgramme[]> {
    const programmes = await this.programmes.findAskingSecondOpinionOf(
      principal.organisationId,
      principal.userId,
    );
    return (await this.summaries(principal.organisationId, programmes, this.clock.today())).map(toModel);
  }

  /** Progress of the given programmes of one organisation on `today`, loaded set-based (reminders use it too). */
  async summaries(
    organisationId: string,
    programmes: AsyeProgrammeEntity[],
    today: string,
    manager?: EntityManager,
  ): Promise<{ record: AsyeProgrammeRecord; summary: AsyeProgressSummary }[]> {
    if (programmes.length === 0) return [];
    // One after another: inside a transaction they share one connection, which runs one at a time.
    const policies = await this.policies.forOrganisation(organisationId, manager);
    const records = await this.programmes.withRecords(programmes, manager);
    const evidence = await this.facts.findApprovedEvidence(
      organisationId,
      [...new Set(programmes.map((p) => p.practitionerUserId))],
      manager,
    );
    return records.map((record) => ({
      record,
      summary: summarise(record, evidence, today, policies.asye),
    }));
  }

  /** One programme as the GraphQL model, with its progress today (inside `manager` when given). */
  async view(
    organisationId: string,
    programme: AsyeProgrammeEntity,
    manager?: EntityManager,
  ): Promise<AsyeProgramme> {
    const [view] = await this.summaries(organisationId, [programme], this.clock.today(), manager);
    return toModel(view!);
  }
}
