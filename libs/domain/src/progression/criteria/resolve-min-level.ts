import type { ApprovedEvidenceCriterion, ReferenceFramework, ReferenceLevel } from '../progression.types.js';

/**
 * The PCF level an APPROVED_EVIDENCE criterion names, by ordinal or code; `null` when it names none,
 * an unknown one, or two that disagree.
 */
export function resolveMinLevel(
  criterion: Pick<ApprovedEvidenceCriterion, 'minLevelOrdinal' | 'minLevelCode'>,
  pcf: ReferenceFramework,
): ReferenceLevel | null {
  const { minLevelOrdinal: ordinal, minLevelCode: code } = criterion;
  const byOrdinal = ordinal == null ? undefined : pcf.levels.find((l) => l.ordinal === ordinal);
  const byCode = code == null ? undefined : pcf.levels.find((l) => l.code === code);
  if (ordinal != null && byOrdinal === undefined) return null;
  if (code != null && byCode === undefined) return null;
  if (byOrdinal !== undefined && byCode !== undefined && byOrdinal !== byCode) return null;
  return byOrdinal ?? byCode ?? null;
}
