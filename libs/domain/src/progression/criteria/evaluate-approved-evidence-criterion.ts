import { DomainError } from '../../errors.js';
import type { EvidenceKind } from '../../portfolio/portfolio.types.js';
import {
  PCF_DOMAIN_ITEM_KIND,
  type ApprovedEvidenceCriterion,
  type CriterionContext,
  type CriterionOutcome,
  type ProgressPart,
} from '../progression.types.js';
import { indexApprovedEvidence } from './index-approved-evidence.js';
import { levelPhrase } from './level-phrase.js';
import { pluralise } from '../../calendar/pluralise.js';
import { resolveMinLevel } from './resolve-min-level.js';

const KIND_LABEL: Record<EvidenceKind, string> = {
  CPD_ACTIVITY: 'CPD activity',
  DIRECT_OBSERVATION: 'direct observation',
  SERVICE_USER_FEEDBACK: 'service-user feedback',
  PROFESSIONAL_FEEDBACK: 'professional feedback',
  WRITTEN_REPORT: 'written report',
  CRITICAL_REFLECTION: 'critical reflection',
  SUPERVISION_REFLECTION: 'supervision reflection',
  CERTIFICATE: 'certificate',
};

/**
 * Counts approved evidence per PCF domain: a piece counts in a domain when it is dated on or before
 * the evaluation date (and within the window, if any), is of a listed kind (if any), and has an
 * accepted mapping to that domain, at the design's PCF version, at the minimum level or above.
 * A piece counts once per domain however many of its mappings qualify, and may count in several
 * domains. Progress is the sum over domains of the count capped at the minimum.
 */
export function evaluateApprovedEvidenceCriterion(
  criterion: ApprovedEvidenceCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const { pcf, asOf } = context;
  const level = resolveMinLevel(criterion, pcf);
  if (level === null) {
    throw new DomainError(
      'CRITERION_INVALID',
      'A criterion names a PCF level that does not exist.',
      undefined,
      {
        reason: 'UNKNOWN_LEVEL',
        minLevelOrdinal: criterion.minLevelOrdinal ?? null,
        minLevelCode: criterion.minLevelCode ?? null,
      },
    );
  }
  const domains =
    criterion.domainCodes === 'ALL'
      ? pcf.items.filter((i) => i.kind === PCF_DOMAIN_ITEM_KIND).map((i) => i.code)
      : [...new Set(criterion.domainCodes)];
  const perDomain = criterion.minPiecesPerDomain;
  const { withinMonths, kinds } = criterion;

  const counted = new Map<string, Set<string>>(domains.map((d) => [d, new Set<string>()]));
  for (const evidence of context.evidence ?? indexApprovedEvidence(context.facts, asOf, pcf)) {
    if (withinMonths != null && evidence.monthsOld >= withinMonths) continue;
    if (kinds != null && !kinds.includes(evidence.kind)) continue;
    for (const mapping of evidence.pcfMappings) {
      if (mapping.acceptedLevelOrdinal === null || mapping.acceptedLevelOrdinal < level.ordinal) continue;
      counted.get(mapping.itemCode)?.add(evidence.evidenceId);
    }
  }

  const title = (code: string) => pcf.items.find((i) => i.code === code)?.title ?? code;
  const parts: ProgressPart[] = domains.map((code) => {
    const current = counted.get(code)!.size;
    return { code, label: title(code), current, required: perDomain, met: current >= perDomain };
  });
  const current = parts.reduce((sum, p) => sum + Math.min(p.current, p.required), 0);
  const met = parts.every((p) => p.met);

  const kindPhrase = kinds == null ? '' : ` of ${kinds.map((k) => KIND_LABEL[k] ?? k).join(' or ')}`;
  const windowPhrase =
    withinMonths == null ? '' : `, dated within the last ${pluralise(withinMonths, 'month')},`;
  const where = `at ${levelPhrase(level)} or above${windowPhrase}`;
  const inDomains = (codes: readonly string[]) =>
    codes.length === 1 ? `in ${title(codes[0])}` : `in each of: ${codes.map(title).join('; ')}`;

  return {
    type: criterion.type,
    label: `At least ${pluralise(perDomain, 'approved piece')}${kindPhrase} ${where} ${
      criterion.domainCodes === 'ALL' ? 'in each PCF domain' : inDomains(domains)
    }`,
    met,
    progress: { current, required: perDomain * domains.length, unit: 'PIECES' },
    gap: met ? null : describeShortfall(parts, kindPhrase, where, inDomains),
    parts,
    children: [],
  };
}

/** "2 more approved pieces at Advanced level or above in Professional Leadership", grouped by shortfall. */
function describeShortfall(
  parts: readonly ProgressPart[],
  kindPhrase: string,
  where: string,
  inDomains: (codes: readonly string[]) => string,
): string {
  const byShortfall = new Map<number, string[]>();
  for (const part of parts) {
    const shortfall = part.required - part.current;
    if (shortfall > 0) byShortfall.set(shortfall, [...(byShortfall.get(shortfall) ?? []), part.code]);
  }
  return [...byShortfall.entries()]
    .sort(([a], [b]) => b - a)
    .map(
      ([shortfall, codes]) =>
        `${pluralise(shortfall, 'more approved piece')}${kindPhrase} ${where} ${inDomains(codes)}`,
    )
    .join('. ');
}
