import { formatNumber } from '../plainEnglish.js';

export interface OutcomeInput {
  type: string;
  label: string;
  met: boolean;
  gap?: string | null;
  progress: { current: number; required: number; unit: string };
  children?: OutcomeInput[];
}

export interface BreakdownRow {
  /** 0 for a top-level criterion, 1 for one inside "any of", and so on. */
  depth: number;
  label: string;
  met: boolean;
  /** "5 of 9 pieces", or empty where counting says nothing (a single yes/no). */
  progress: string;
  gap: string | null;
}

const UNIT_WORDS: Record<string, [string, string]> = {
  CREDITS: ['credit', 'credits'],
  CRITERIA: ['criterion', 'criteria'],
  ITEMS: ['item', 'items'],
  MONTHS: ['month', 'months'],
  PIECES: ['piece', 'pieces'],
  QUALIFICATIONS: ['qualification', 'qualifications'],
  REGISTRATION_YEARS: ['registration year', 'registration years'],
  STAGES: ['stage', 'stages'],
};

/**
 * A route's criterion tree as rows a table can show: the root "all of" is left out, since the
 * route itself stands for it; nested groups keep their own row with their children indented.
 */
export function eligibilityBreakdown(root: OutcomeInput): BreakdownRow[] {
  const topLevel = root.type === 'ALL_OF' && root.children?.length ? root.children : [root];
  return topLevel.flatMap((o) => rowsOf(o, 0));
}

function rowsOf(outcome: OutcomeInput, depth: number): BreakdownRow[] {
  return [
    {
      depth,
      label: outcome.label,
      met: outcome.met,
      progress: progressText(outcome.progress),
      gap: outcome.met ? null : (outcome.gap ?? null),
    },
    ...(outcome.children ?? []).flatMap((c) => rowsOf(c, depth + 1)),
  ];
}

export function progressText({ current, required, unit }: OutcomeInput['progress']): string {
  // "0 of 1 qualification" adds nothing to "met" or "not met".
  if (required <= 1 && unit !== 'MONTHS' && unit !== 'CREDITS') return '';
  const [one, many] = UNIT_WORDS[unit] ?? [unit.toLowerCase(), unit.toLowerCase()];
  return `${formatNumber(Math.min(current, required))} of ${formatNumber(required)} ${required === 1 ? one : many}`;
}
