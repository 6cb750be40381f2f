import { Injectable } from '@nestjs/common';
import {
  cpdComplianceHistory,
  addCarriedMappings,
  cpdYearsAskedBy,
  findOpenRoutes,
  type IsoDate,
  type PathwayDesign,
  type ApprovedEvidenceFacts,
  type CpdComplianceYear,
  type EvidenceKind,
  type EvidenceMappingFacts,
  type PractitionerFacts,
  type PractitionerCpdFacts,
  type PractitionerQualificationFacts,
  type QualificationType,
  type StageHistoryEntry,
  type DerivedEvidenceFact,
} from '#app/domain';
import {
  ComplianceFactsRepository,
  EligibilityFactsRepository,
  FrameworkRemapRepository,
  PractitionerStageRepository,
  type DerivedApprovedRow,
  type PractitionerRow,
} from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { CpdComplianceService } from '../compliance/cpd-compliance.service.js';
import { ReferenceCatalogueService, type ReferenceCatalogue } from './reference-catalogue.service.js';

/**
 * The facts of a mapping (item and level positions, see `ApprovedEvidenceMappings`), one shared frozen
 * object per pair: an organisation has hundreds of thousands of accepted mappings but a few hundred
 * distinct pairs, so grouping allocates almost nothing per mapping.
 */
function mappingFactsByPosition(
  catalogue: ReferenceCatalogue,
  itemIds: readonly string[],
  levelIds: readonly string[],
): (item: number, level: number) => EvidenceMappingFacts {
  const made: EvidenceMappingFacts[][] = [];
  return (itemAt, levelAt) => {
    const row = (made[itemAt] ??= []);
    const known = row[levelAt];
    if (known) return known;
    const item = catalogue.items.get(itemIds[itemAt - 1]!)!;
    const level = levelAt === 0 ? undefined : catalogue.levels.get(levelIds[levelAt - 1]!);
    return (row[levelAt] = Object.freeze({
      frameworkCode: item.frameworkCode,
      frameworkVersion: item.version,
      itemCode: item.itemCode,
      acceptedLevelOrdinal: level?.ordinal ?? null,
      acceptedLevelCode: level?.code ?? null,
    }));
  };
}

/** Derived mappings with their items looked up in the organisation's catalogue, for `addCarriedMappings`. */
export function derivedFacts(
  rows: readonly DerivedApprovedRow[],
  catalogue: ReferenceCatalogue,
): DerivedEvidenceFact[] {
  return rows.map((r) => ({
    evidenceId: r.evidenceId,
    kind: r.kind as EvidenceKind,
    date: r.date,
    via: r.via,
    decision: r.decision,
    item: catalogue.items.get(r.itemId),
  }));
}

interface Gathered {
  qualifications: PractitionerQualificationFacts[];
  evidence: ApprovedEvidenceFacts[];
}

/**
 * The CPD facts (pieces and declarations) of the given practitioners of an organisation, for those
 * with a regulator recorded. By default read for them; a request that has read everyone's already
 * (workforce insight) passes its own read, so one request reads them once.
 */
export type CpdFactsSource = (userIds: readonly string[]) => Promise<PractitionerCpdFacts[]>;

export interface PractitionerWithFacts {
  practitioner: PractitionerRow;
  facts: PractitionerFacts;
}

/**
 * Gathers what eligibility is judged on, for one person or a whole organisation, in a few set-based
 * statements (people, stage history, qualifications, approved evidence, CPD), grouped in memory.
 */
@Injectable()
export class PractitionerFactsService {
  constructor(
    private readonly facts: EligibilityFactsRepository,
    private readonly remaps: FrameworkRemapRepository,
    private readonly stages: PractitionerStageRepository,
    private readonly catalogue: ReferenceCatalogueService,
    private readonly complianceFacts: ComplianceFactsRepository,
    private readonly cpd: CpdComplianceService,
    private readonly clock: Clock,
  ) {}

  /**
   * The practitioners a route is open to on `asOf`, judged on their stage history alone (two light
   * statements), so that a query about one route loads evidence only for the people it concerns.
   */
  async concernedByRoute(
    organisationId: string,
    version: { pathwayId: string; design: PathwayDesign },
    routeKey: string,
    asOf: IsoDate,
  ): Promise<string[]> {
    const { people, histories } = await this.stageHistories(organisationId, version.pathwayId, null);
    return people
      .filter((p) =>
        findOpenRoutes(histories.get(p.user_id)!, version.design, asOf).routes.some(
          (r) => r.key === routeKey,
        ),
      )
      .map((p) => p.user_id);
  }

  /**
   * Everything the engine reads for the given people (or every practitioner), to be evaluated against
   * `designs` as at today. CPD history, the costliest fact (every CPD record's text, for the duplicate
   * rule), is worked out only for people with an open route whose criteria read it, and only as many
   * registration periods back as those criteria ask.
   */
  async load(
    organisationId: string,
    pathwayId: string,
    userIds: readonly string[] | null,
    designs: readonly PathwayDesign[],
    options: { cpdFacts?: CpdFactsSource } = {},
  ): Promise<PractitionerWithFacts[]> {
    const asOf = this.clock.today();
    const { people, histories } = await this.stageHistories(organisationId, pathwayId, userIds);
    const cpdYears = new Map<string, number>();
    for (const person of people) {
      const history = histories.get(person.user_id)!;
      const years = Math.max(
        0,
        ...designs.map((design) => cpdYearsAskedBy(findOpenRoutes(history, design, asOf).routes)),
      );
      if (years > 0) cpdYears.set(person.user_id, years);
    }
    const catalogue = await this.catalogue.get(organisationId);
    const itemIds = [...catalogue.items.keys()];
    const levelIds = [...catalogue.levels.keys()];
    const [qualifications, evidence, derived, cpd] = await Promise.all([
      this.facts.qualifications(organisationId, userIds),
      this.facts.approvedEvidence(organisationId, userIds, itemIds, levelIds),
      this.remaps.derivedOfApprovedEvidence(organisationId, userIds),
      this.cpdHistories(organisationId, cpdYears, options.cpdFacts),
    ]);
    const derivedByUser = new Map<string, DerivedApprovedRow[]>();
    for (const d of derived) {
      const own = derivedByUser.get(d.userId) ?? [];
      own.push(d);
      derivedByUser.set(d.userId, own);
    }

    const gathered = new Map<string, Gathered>(
      people.map((p) => [p.user_id, { qualifications: [], evidence: [] }]),
    );
    for (const q of qualifications) {
      gathered.get(q.user_id)?.qualifications.push({
        type: q.type as QualificationType,
        awardedOn: q.awarded_on,
        expiresOn: q.expires_on,
        verified: q.verified,
        credits: q.credits,
      });
    }
    const mappingFacts = mappingFactsByPosition(catalogue, itemIds, levelIds);
    for (const [userId, pieces] of evidence) {
      const own = gathered.get(userId);
      if (!own) continue;
      for (const { evidenceId, kind, date, items, levels } of pieces) {
        own.evidence.push({
          evidenceId,
          kind: kind as EvidenceKind,
          date,
          mappings: items.map((item, k) => mappingFacts(item, levels[k]!)),
        });
      }
    }
    return people.map((practitioner) => {
      const own = gathered.get(practitioner.user_id)!;
      return {
        practitioner,
        facts: {
          dateQualified: practitioner.date_qualified,
          stageHistory: histories.get(practitioner.user_id)!,
          qualifications: own.qualifications,
          approvedEvidence: addCarriedMappings(
            own.evidence,
            derivedFacts(derivedByUser.get(practitioner.user_id) ?? [], catalogue),
          ),
          // No regulator recorded, or no open route reads it: the CPD rules that apply are not known.
          cpdCompliance: cpd.get(practitioner.user_id) ?? null,
        },
      };
    });
  }

  /** The practitioners and each one's stage history on the pathway (two statements). */
  private async stageHistories(
    organisationId: string,
    pathwayId: string,
    userIds: readonly string[] | null,
  ): Promise<{ people: PractitionerRow[]; histories: Map<string, StageHistoryEntry[]> }> {
    const [people, spells] = await Promise.all([
      this.facts.practitioners(organisationId, userIds),
      this.stages.findForPathway(organisationId, pathwayId, userIds),
    ]);
    const histories = new Map<string, StageHistoryEntry[]>(people.map((p) => [p.user_id, []]));
    for (const s of spells) {
      histories.get(s.userId)?.push({ stageKey: s.stageKey, from: s.fromDate, to: s.toDate });
    }
    return { people, histories };
  }

  /** CPD met or not per completed registration period, for each person asked about (three statements). */
  private async cpdHistories(
    organisationId: string,
    yearsByUser: ReadonlyMap<string, number>,
    source?: CpdFactsSource,
  ): Promise<Map<string, CpdComplianceYear[]>> {
    if (yearsByUser.size === 0) return new Map();
    const userIds = [...yearsByUser.keys()];
    const facts = source
      ? await source(userIds)
      : await this.cpd.factsFor(
          organisationId,
          await this.complianceFacts.findMembers(organisationId, { role: 'PRACTITIONER', userIds }),
        );
    const now = this.clock.now();
    return new Map(
      facts.map((p) => [
        p.practitionerId,
        cpdComplianceHistory(p.facts, now, yearsByUser.get(p.practitionerId)!),
      ]),
    );
  }
}
