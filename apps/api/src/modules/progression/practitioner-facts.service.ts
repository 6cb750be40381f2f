import { Injectable } from '@nestjs/common';
import type {
  ApprovedEvidenceFacts,
  EvidenceKind,
  EvidenceMappingFacts,
  PractitionerFacts,
  PractitionerQualificationFacts,
  QualificationType,
  StageHistoryEntry,
} from '#app/domain';
import {
  EligibilityFactsRepository,
  PractitionerStageRepository,
  type PractitionerRow,
} from '#app/persistence';
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
  ) {}

  async load(
    organisationId: string,
    pathwayId: string,
    userIds: readonly string[] | null,
  ): Promise<PractitionerWithFacts[]> {
    const [people, spells, qualifications, mappings, catalogue] = await Promise.all([
      this.facts.practitioners(organisationId, userIds),
      this.stages.findForPathway(organisationId, pathwayId, userIds),
      this.facts.qualifications(organisationId, userIds),
      this.facts.approvedMappings(organisationId, userIds),
      this.catalogue.get(),
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
          // The regulators' rule sets are wired in by the CPD compliance feature; until then "not known".
          cpdCompliance: null,
        },
      };
    });
  }
}
