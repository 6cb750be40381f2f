import { Injectable } from '@nestjs/common';
import {
  cpdComplianceHistory,
  type ApprovedEvidenceFacts,
  type CpdComplianceYear,
  type EvidenceKind,
  type EvidenceMappingFacts,
  type PractitionerFacts,
  type PractitionerQualificationFacts,
  type QualificationType,
  type StageHistoryEntry,
} from '#app/domain';
import {
  ComplianceFactsRepository,
  EligibilityFactsRepository,
  PractitionerStageRepository,
  type PractitionerRow,
} from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { CpdComplianceService } from '../compliance/cpd-compliance.service.js';
import { ReferenceCatalogueService } from './reference-catalogue.service.js';

interface Gathered {
  stageHistory: StageHistoryEntry[];
  qualifications: PractitionerQualificationFacts[];
  evidence: Map<string, ApprovedEvidenceFacts & { mappings: EvidenceMappingFacts[] }>;
}

export interface PractitionerWithFacts {
  practitioner: PractitionerRow;
  facts: PractitionerFacts;
}

/**
 * Gathers what eligibility is judged on, for one person or a whole organisation, in four set-based
 * statements (people, stage history, qualifications, approved evidence), then groups it in memory.
 */
@Injectable()
export class PractitionerFactsService {
  constructor(
    private readonly facts: EligibilityFactsRepository,
    private readonly stages: PractitionerStageRepository,
    private readonly catalogue: ReferenceCatalogueService,
    private readonly complianceFacts: ComplianceFactsRepository,
    private readonly cpd: CpdComplianceService,
    private readonly clock: Clock,
  ) {}

  /** `cpdYears`: how many completed registration periods of CPD the criteria read (0: none, skip). */
  async load(
    organisationId: string,
    pathwayId: string,
    userIds: readonly string[] | null,
    cpdYears: number,
  ): Promise<PractitionerWithFacts[]> {
    const [people, spells, qualifications, mappings, catalogue, cpd] = await Promise.all([
      this.facts.practitioners(organisationId, userIds),
      this.stages.findForPathway(organisationId, pathwayId, userIds),
      this.facts.qualifications(organisationId, userIds),
      this.facts.approvedMappings(organisationId, userIds),
      this.catalogue.get(),
      cpdYears > 0
        ? this.cpdHistories(organisationId, userIds, cpdYears)
        : new Map<string, CpdComplianceYear[]>(),
    ]);
    const byUser = new Map<string, Gathered>();
    for (const person of people) {
      byUser.set(person.user_id, { stageHistory: [], qualifications: [], evidence: new Map() });
    }
    for (const s of spells) {
      byUser.get(s.userId)?.stageHistory.push({ stageKey: s.stageKey, from: s.fromDate, to: s.toDate });
    }
    for (const q of qualifications) {
      byUser.get(q.user_id)?.qualifications.push({
        type: q.type as QualificationType,
        awardedOn: q.awarded_on,
        expiresOn: q.expires_on,
        verified: q.verified,
        credits: q.credits,
      });
    }
    for (const m of mappings) {
      const gathered = byUser.get(m.user_id);
      const item = catalogue.items.get(m.framework_item_id);
      if (!gathered || !item) continue;
      let piece = gathered.evidence.get(m.evidence_id);
      if (!piece) {
        piece = { evidenceId: m.evidence_id, kind: m.kind as EvidenceKind, date: m.date, mappings: [] };
        gathered.evidence.set(m.evidence_id, piece);
      }
      const level = m.accepted_level_id ? catalogue.levels.get(m.accepted_level_id) : undefined;
      piece.mappings.push({
        frameworkCode: item.frameworkCode,
        frameworkVersion: item.version,
        itemCode: item.itemCode,
        acceptedLevelOrdinal: level?.ordinal ?? null,
        acceptedLevelCode: level?.code ?? null,
      });
    }
    return people.map((practitioner) => {
      const gathered = byUser.get(practitioner.user_id)!;
      return {
        practitioner,
        facts: {
          dateQualified: practitioner.date_qualified,
          stageHistory: gathered.stageHistory,
          qualifications: gathered.qualifications,
          approvedEvidence: [...gathered.evidence.values()],
          // No regulator recorded (or no criterion reads it): the CPD rules that apply are not known.
          cpdCompliance: cpd.get(practitioner.user_id) ?? null,
        },
      };
    });
  }

  /** CPD met or not per completed registration period, for everyone with a regulator (three statements). */
  private async cpdHistories(
    organisationId: string,
    userIds: readonly string[] | null,
    years: number,
  ): Promise<Map<string, CpdComplianceYear[]>> {
    const members = await this.complianceFacts.findMembers(organisationId, {
      role: 'PRACTITIONER',
      ...(userIds ? { userIds } : {}),
    });
    const now = this.clock.now();
    const facts = await this.cpd.factsFor(organisationId, members);
    return new Map(facts.map((p) => [p.practitionerId, cpdComplianceHistory(p.facts, now, years)]));
  }
}
