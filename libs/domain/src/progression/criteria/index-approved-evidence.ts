import { isDateInRange } from '../../calendar/is-date-in-range.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import {
  PCF_FRAMEWORK_CODE,
  type IndexedEvidence,
  type PractitionerFacts,
  type ReferenceFramework,
} from '../progression.types.js';
import { wholeMonthsBetweenChecked } from '../whole-months-between.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
