import type { WorkforceInsightQuery } from '../../data/generated/graphql.js';
import type { Bar } from '../charts/barChart.js';
import { percent, type InsightTable } from './insightTable.js';

export type Insight = WorkforceInsightQuery['workforceInsight'];

/** The dashboard's parts, in page order; each key is also its CSV address (/insight/<key>.csv). */
export const PART_KEYS = [
  'stages',
  'coverage',
  'cpd',
  'turnaround',
  'supervision',
  'pipeline',
  'cohort',
] as const;
export type PartKey = (typeof PART_KEYS)[number];

export function isPartKey(value: string): value is PartKey {
  return (PART_KEYS as readonly string[]).includes(value);
}

/** One part of the dashboard: a chart, its sentence, its table, and any named list for PSWs. */
export interface InsightPart {
  key: PartKey;
  heading: string;
  /** One sentence a person can read instead of the chart. */
  summary: string;
  /** Set when the API withholds the breakdown: "Fewer than 5 people: not shown". */
  suppressed?: string;
  /** Server-drawn SVG; absent when there is nothing to draw. */
  chart?: string;
  table?: InsightTable;
  /** Further tables (named lists, per team), shown under the main one. */
  more: InsightTable[];
}

export const NO_TEAM = 'No team';
export const teamLabel = (name: string | null | undefined) => name ?? NO_TEAM;

/** "in Children and Families" or "across the organisation", for sentences and captions. */
export function where(insight: Insight): string {
  return insight.scope.teamName ? `in ${insight.scope.teamName}` : 'across the organisation';
}

/** Short PCF level names, so nine columns fit the picture. */
export const SHORT_LEVEL: Record<string, string> = {
  ENTRY: 'Entry',
  READINESS_FOR_DIRECT_PRACTICE: 'Readiness',
  END_FIRST_PLACEMENT: 'First placement',
  END_LAST_PLACEMENT: 'Last placement',
  ASYE: 'ASYE',
  SOCIAL_WORKER: 'Social worker',
  EXPERIENCED_SOCIAL_WORKER: 'Experienced',
  ADVANCED: 'Advanced',
  STRATEGIC: 'Strategic',
};

export function levelName(code: string): string {
  return SHORT_LEVEL[code] ?? code;
}

export function stageName(insight: Insight, key: string): string {
  return insight.stageDistribution?.stages.find((s) => s.stageKey === key)?.stageName ?? key;
}

/** Per-team bars of a share: a suppressed team has no bar, only the suppression text. */
export function teamShareBars(
  teams: readonly { teamName: string | null; suppressed: boolean; share: number | null; detail: string }[],
  small: string,
): Bar[] {
  return teams.map((t) =>
    t.suppressed
      ? { label: teamLabel(t.teamName), value: null, valueText: small }
      : {
          label: teamLabel(t.teamName),
          value: t.share ?? 0,
          valueText: t.share === null ? 'No figures' : `${percent(t.share)} (${t.detail})`,
        },
  );
}

/** "SIX_MONTH" → "Six month". */
export function humaniseKey(key: string): string {
  const words = key.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
