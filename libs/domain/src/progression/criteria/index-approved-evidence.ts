import { isDateInRange } from '../../portfolio/is-date-in-range.js';
import type { EvidenceKind, IsoDate } from '../../portfolio/portfolio.types.js';
import {
  PCF_FRAMEWORK_CODE,
  type EvidenceMappingFacts,
  type PractitionerFacts,
  type ReferenceFramework,
} from '../progression.types.js';
import { wholeMonthsBetweenChecked } from '../whole-months-between.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A piece of approved evidence as the evidence criteria read it on one evaluation date. */
export interface IndexedEvidence {
  evidenceId: string;
  kind: EvidenceKind;
  /** Whole calendar months from the piece's date to the evaluation date. */
  monthsOld: number;
  /** Its accepted mappings to the design's PCF version, with the level as an ordinal. */
  pcfMappings: readonly { itemCode: string; acceptedLevelOrdinal: number | null }[];
  /** All its accepted mappings, any framework. */
  mappings: readonly EvidenceMappingFacts[];
}

/**
 * The approved evidence dated on or before `asOf`, with its age and PCF levels worked out once per
 * practitioner and date: the evidence criteria of every route read this instead of re-reading
 * dates and level codes per route (an organisation-wide report evaluates thousands of routes).
 */
export function indexApprovedEvidence(
  facts: Pick<PractitionerFacts, 'approvedEvidence'>,
  asOf: IsoDate,
  pcf: ReferenceFramework,
): IndexedEvidence[] {
  isDateInRange(asOf, null, null); // refuses anything but YYYY-MM-DD
  const ordinalByCode = new Map(pcf.levels.map((l) => [l.code, l.ordinal]));
  const indexed: IndexedEvidence[] = [];
  for (const evidence of facts.approvedEvidence) {
    if (!ISO_DATE.test(evidence.date)) {
      throw new TypeError(`Expected a date as YYYY-MM-DD, got "${evidence.date}"`);
    }
    if (evidence.date > asOf) continue;
    // Usually every mapping is to the PCF with its level as an ordinal: then the list is used as is.
    const usable = evidence.mappings.every(
      (m) =>
        m.frameworkCode === PCF_FRAMEWORK_CODE &&
        m.frameworkVersion === pcf.version &&
        m.acceptedLevelOrdinal !== null,
    );
    const pcfMappings = usable
      ? evidence.mappings
      : evidence.mappings
          .filter((m) => m.frameworkCode === PCF_FRAMEWORK_CODE && m.frameworkVersion === pcf.version)
          .map((m) => ({
            itemCode: m.itemCode,
            acceptedLevelOrdinal:
              m.acceptedLevelOrdinal ??
              (m.acceptedLevelCode === null ? null : (ordinalByCode.get(m.acceptedLevelCode) ?? null)),
          }));
    indexed.push({
      evidenceId: evidence.evidenceId,
      kind: evidence.kind,
      monthsOld: wholeMonthsBetweenChecked(evidence.date, asOf),
      pcfMappings,
      mappings: evidence.mappings,
    });
  }
  return indexed;
}
