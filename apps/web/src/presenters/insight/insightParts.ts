import type { WorkforceInsightQuery } from '../../data/generated/graphql.js';
import { barChart, type Bar } from '../charts/barChart.js';
import { heatMap } from '../charts/heatMap.js';
import { stackedBarChart } from '../charts/stackedBarChart.js';
import { joinAnd, pluralise } from '../plainEnglish.js';
import { days, percent, suppressionText, type InsightTable } from './insightTable.js';

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

const NO_TEAM = 'No team';
const teamLabel = (name: string | null | undefined) => name ?? NO_TEAM;

/** "in Children and Families" or "across the organisation", for sentences and captions. */
function where(insight: Insight): string {
  return insight.scope.teamName ? `in ${insight.scope.teamName}` : 'across the organisation';
}

export function stagesPart(insight: Insight): InsightPart {
  const heading = 'Stage distribution';
  const data = insight.stageDistribution;
  if (!data)
    return {
      key: 'stages',
      heading,
      summary: 'No pathway is published yet, so nobody holds a stage.',
      more: [],
    };
  const small = suppressionText(insight.scope.minGroupSize);
  if (data.suppressed)
    return {
      key: 'stages',
      heading,
      summary: `${pluralise(data.people, 'practitioner')} ${where(insight)} hold a stage; the breakdown is not shown for so few people.`,
      suppressed: small,
      more: [],
    };
  const most = Math.max(0, ...data.stages.map((s) => s.people));
  const largest = data.stages.filter((s) => s.people === most).map((s) => s.stageName);
  const summary =
    most === 0 || data.people === 0
      ? `Nobody ${where(insight)} holds a stage on the published pathway.`
      : largest.length === 1
        ? `Most practitioners (${most} of ${data.people}) are at ${largest[0]} stage.`
        : `The largest groups (${most} of ${data.people} each) are at the ${joinAnd(largest)} stages.`;
  const table: InsightTable = {
    caption: `Practitioners per stage on ${data.asOf}`,
    head: ['Stage', 'PCF level', 'Practitioners'],
    rows: data.stages.map((s) => [
      s.stageName,
      s.pcfLevelCode ? levelName(s.pcfLevelCode) : 'None',
      String(s.people),
    ]),
  };
  const more: InsightTable[] = data.movements.length
    ? [
        {
          caption: 'Moves between stages, per month',
          head: ['Month', 'From', 'To', 'Practitioners'],
          rows: data.movements.map((m) => [
            m.month,
            stageName(insight, m.fromStageKey),
            stageName(insight, m.toStageKey),
            String(m.people),
          ]),
        },
      ]
    : [];
  return {
    key: 'stages',
    heading,
    summary,
    chart: barChart(
      { id: 'stages-chart', title: 'Practitioners per stage', description: summary },
      data.stages.map((s) => ({ label: s.stageName, value: s.people, valueText: String(s.people) })),
    ),
    table,
    more,
  };
}

/** Short PCF level names, so nine columns fit the picture. */
const SHORT_LEVEL: Record<string, string> = {
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

function levelName(code: string): string {
  return SHORT_LEVEL[code] ?? code;
}

function stageName(insight: Insight, key: string): string {
  return insight.stageDistribution?.stages.find((s) => s.stageKey === key)?.stageName ?? key;
}

export function coveragePart(insight: Insight): InsightPart {
  const heading = 'PCF coverage';
  const data = insight.coverageHeatMap;
  if (!data) return { key: 'coverage', heading, summary: 'No coverage figures.', more: [] };
  if (data.suppressed)
    return {
      key: 'coverage',
      heading,
      summary: `${pluralise(data.approvedPieces, 'approved piece')} of evidence signed off ${where(insight)} in the range; the breakdown is not shown for so few people.`,
      suppressed: suppressionText(insight.scope.minGroupSize),
      more: [],
    };
  const levels = [
    ...new Map(
      data.cells
        .filter((c) => c.levelCode)
        .sort((a, b) => (a.levelOrdinal ?? 0) - (b.levelOrdinal ?? 0))
        .map((c) => [
          c.levelCode!,
          { key: c.levelCode!, label: SHORT_LEVEL[c.levelCode!] ?? c.levelName ?? c.levelCode! },
        ]),
    ).values(),
  ];
  const pieces = new Map(data.cells.map((c) => [`${c.itemCode}|${c.levelCode}`, c.pieces]));
  const thinnest = data.domains[0];
  const fullest = data.domains.at(-1);
  const summary =
    data.approvedPieces === 0 || !thinnest || !fullest
      ? `No approved evidence was signed off ${where(insight)} in the range.`
      : `${pluralise(data.approvedPieces, 'approved piece')} of evidence signed off ${where(insight)}: the thinnest domain is ${thinnest.itemTitle} (${pluralise(thinnest.pieces, 'piece')}), the fullest ${fullest.itemTitle} (${pluralise(fullest.pieces, 'piece')}).`;
  const rows = data.domains.map((d) => ({ key: d.itemCode, label: d.itemTitle }));
  return {
    key: 'coverage',
    heading,
    summary,
    chart: heatMap(
      {
        id: 'coverage-chart',
        title: `Approved evidence per ${data.frameworkCode} domain and level`,
        description: summary,
      },
      {
        rows,
        columns: levels,
        value: (row, column) => pieces.get(`${row}|${column}`) ?? 0,
        describe: (row, column, value) => `${row} at ${column}: ${pluralise(value, 'piece')}`,
      },
    ),
    table: {
      caption: `Approved pieces per ${data.frameworkCode} ${data.version} domain and level, thinnest domain first`,
      head: ['Domain', ...levels.map((l) => l.label), 'All levels', 'Practitioners'],
      rows: data.domains.map((d) => [
        d.itemTitle,
        ...levels.map((l) => String(pieces.get(`${d.itemCode}|${l.key}`) ?? 0)),
        String(d.pieces),
        String(d.people),
      ]),
    },
    more: [],
  };
}

/** Per-team bars of a share: a suppressed team has no bar, only the suppression text. */
function teamShareBars(
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

export function cpdPart(insight: Insight): InsightPart {
  const heading = 'CPD compliance by team';
  const data = insight.cpdCompliance;
  if (!data) return { key: 'cpd', heading, summary: 'No CPD figures.', more: [] };
  const small = suppressionText(insight.scope.minGroupSize);
  const summary =
    data.rate === null
      ? `Nobody’s CPD ${where(insight)} could be judged: no regulator or registration is recorded.`
      : `${percent(data.rate)} of practitioners ${where(insight)} whose CPD could be judged (${data.met} of ${data.evaluated}) meet their regulator’s requirements this registration year; ${data.atRisk} at risk of missing the deadline.`;
  const more: InsightTable[] = data.peopleAtRisk.length
    ? [
        {
          caption: 'Practitioners at risk of missing their CPD deadline, fewest days left first',
          head: ['Name', 'Team', 'Days left', 'Registration year ends'],
          rows: data.peopleAtRisk.map((p) => [
            p.name,
            teamLabel(p.teamName),
            String(p.daysLeft),
            p.periodEnd,
          ]),
        },
      ]
    : [];
  return {
    key: 'cpd',
    heading,
    summary,
    ...(insight.scope.suppressed ? { suppressed: small } : {}),
    chart: data.byTeam.length
      ? barChart(
          {
            id: 'cpd-chart',
            title: 'Share of practitioners meeting CPD requirements, per team',
            description: summary,
          },
          teamShareBars(
            data.byTeam.map((t) => ({
              teamName: t.teamName,
              suppressed: t.suppressed,
              share: t.rate,
              detail: `${t.met ?? 0} of ${t.evaluated ?? 0}`,
            })),
            small,
          ),
          { max: 1 },
        )
      : undefined,
    table: {
      caption: 'CPD compliance per team this registration year',
      head: ['Team', 'Meeting requirements', 'Met', 'Judged', 'At risk'],
      rows: data.byTeam.map((t) =>
        t.suppressed
          ? [teamLabel(t.teamName), small, '', '', '']
          : [
              teamLabel(t.teamName),
              percent(t.rate),
              String(t.met ?? 0),
              String(t.evaluated ?? 0),
              String(t.atRisk ?? 0),
            ],
      ),
    },
    more,
  };
}

export function turnaroundPart(insight: Insight): InsightPart {
  const heading = 'Review turnaround and backlog';
  const data = insight.reviewTurnaround;
  if (!data) return { key: 'turnaround', heading, summary: 'No review figures.', more: [] };
  const small = suppressionText(insight.scope.minGroupSize);
  const summary =
    data.decisions === 0
      ? `No review decisions ${where(insight)} in the range; ${pluralise(data.waiting, 'submission')} waiting now.`
      : `Evidence ${where(insight)} waited a median of ${days(data.medianDays)} for a decision (90th percentile ${days(data.p90Days)}) over ${pluralise(data.decisions, 'decision')}; ${pluralise(data.waiting, 'submission')} waiting now.`;
  const more: InsightTable[] = [];
  if (data.byTeam.length)
    more.push({
      caption: 'Days from submission to decision, per team of the practitioner',
      head: ['Team', 'Decisions', 'Median', '90th percentile'],
      rows: data.byTeam.map((t) =>
        t.suppressed
          ? [teamLabel(t.teamName), small, '', '']
          : [teamLabel(t.teamName), String(t.decisions ?? 0), days(t.medianDays), days(t.p90Days)],
      ),
    });
  if (data.byReviewer.length)
    more.push({
      caption: 'Days from submission to decision, per reviewer',
      head: ['Reviewer', 'Decisions', 'Median', '90th percentile'],
      rows: data.byReviewer.map((r) => [
        r.reviewerName,
        String(r.decisions),
        days(r.medianDays),
        days(r.p90Days),
      ]),
    });
  return {
    key: 'turnaround',
    heading,
    summary,
    chart: barChart(
      {
        id: 'turnaround-chart',
        title: 'Submissions waiting for a decision, by how long they have waited',
        description: summary,
      },
      data.backlog.map((b) => ({ label: b.label, value: b.waiting, valueText: String(b.waiting) })),
    ),
    table: {
      caption: 'Submissions waiting for a decision now, by how long they have waited',
      head: ['Waiting', 'Submissions'],
      rows: data.backlog.map((b) => [b.label, String(b.waiting)]),
    },
    more,
  };
}

export function supervisionPart(insight: Insight): InsightPart {
  const heading = 'Supervision';
  const data = insight.supervision;
  if (!data) return { key: 'supervision', heading, summary: 'No supervision figures.', more: [] };
  const small = suppressionText(insight.scope.minGroupSize);
  const summary =
    data.share === null
      ? `Nobody ${where(insight)} is due supervision.`
      : `${percent(data.share)} of practitioners ${where(insight)} (${data.supervisedAsRequired} of ${data.practitioners}) are supervised as the policy requires; ${data.overdue} overdue, ${data.dueSoon} due soon, ${data.neverSupervised} never supervised.`;
  const more: InsightTable[] = data.overduePeople.length
    ? [
        {
          caption: 'Practitioners whose supervision is overdue, most days first',
          head: ['Name', 'Team', 'Days overdue'],
          rows: data.overduePeople.map((p) => [p.name, teamLabel(p.teamName), String(p.daysOverdue)]),
        },
      ]
    : [];
  return {
    key: 'supervision',
    heading,
    summary,
    ...(insight.scope.suppressed ? { suppressed: small } : {}),
    chart: data.byTeam.length
      ? barChart(
          {
            id: 'supervision-chart',
            title: 'Share of practitioners supervised as required, per team',
            description: summary,
          },
          teamShareBars(
            data.byTeam.map((t) => ({
              teamName: t.teamName,
              suppressed: t.suppressed,
              share: t.share,
              detail: `${t.supervisedAsRequired ?? 0} supervised`,
            })),
            small,
          ),
          { max: 1 },
        )
      : undefined,
    table: {
      caption: 'Supervision per team against the organisation’s policy',
      head: ['Team', 'Supervised as required', 'Practitioners supervised', 'Overdue'],
      rows: data.byTeam.map((t) =>
        t.suppressed
          ? [teamLabel(t.teamName), small, '', '']
          : [
              teamLabel(t.teamName),
              percent(t.share),
              String(t.supervisedAsRequired ?? 0),
              String(t.overdue ?? 0),
            ],
      ),
    },
    more,
  };
}

const PIPELINE_SERIES = [
  { name: 'Nearly eligible', fill: '#d2e2f1', ink: '#0b0c0c' },
  { name: 'Eligible now', fill: '#8eb8dc', ink: '#0b0c0c' },
  { name: 'Applications open', fill: '#1d70b8', ink: '#ffffff' },
  { name: 'Approved in the range', fill: '#003078', ink: '#ffffff' },
];

export function pipelinePart(insight: Insight): InsightPart {
  const heading = 'Progression pipeline';
  const data = insight.progressionPipeline;
  if (!data)
    return {
      key: 'pipeline',
      heading,
      summary: 'No pathway is published yet, so there is no pipeline.',
      more: [],
    };
  if (data.suppressed)
    return {
      key: 'pipeline',
      heading,
      summary: 'The pipeline is not shown for so few people.',
      suppressed: suppressionText(insight.scope.minGroupSize),
      more: [],
    };
  const route = (r: (typeof data.routes)[number]) =>
    `${stageName(insight, r.fromStageKey)} to ${stageName(insight, r.toStageKey)}`;
  const submitted = data.routes.reduce((n, r) => n + r.submitted, 0);
  const approved = data.routes.reduce((n, r) => n + r.approved, 0);
  const eligibleKnown = data.routes.some((r) => r.eligible !== null);
  const eligible = data.routes.reduce((n, r) => n + (r.eligible ?? 0), 0);
  const summary =
    `${pluralise(submitted, 'application')} submitted ${where(insight)} in the range across ${pluralise(data.routes.length, 'route')}, ${approved} approved` +
    (eligibleKnown
      ? `; ${eligible} eligible now.`
      : '; eligibility is counted for the whole organisation only.');
  return {
    key: 'pipeline',
    heading,
    summary,
    chart: stackedBarChart(
      {
        id: 'pipeline-chart',
        title: 'Practitioners at each step of each progression route',
        description: summary,
      },
      PIPELINE_SERIES,
      data.routes.map((r) => ({
        label: route(r),
        values: [r.nearlyEligible ?? 0, r.eligible ?? 0, r.open, r.approved],
      })),
    ),
    table: {
      caption: 'Each progression route: who could apply, and what happened to applications in the range',
      head: [
        'Route',
        'Nearly eligible',
        'Eligible now',
        'Submitted',
        'Open',
        'Approved',
        'Deferred',
        'Declined',
        'Withdrawn',
      ],
      rows: data.routes.map((r) => [
        route(r),
        r.nearlyEligible === null ? 'Organisation only' : String(r.nearlyEligible),
        r.eligible === null ? 'Organisation only' : String(r.eligible),
        String(r.submitted),
        String(r.open),
        String(r.approved),
        String(r.deferred),
        String(r.declined),
        String(r.withdrawn),
      ]),
    },
    more: [],
  };
}

export function cohortPart(insight: Insight): InsightPart {
  const heading = 'Early-career cohort (ASYE)';
  const data = insight.earlyCareerCohort;
  if (!data) return { key: 'cohort', heading, summary: 'No ASYE figures.', more: [] };
  const summary =
    data.programmes === 0
      ? `No ASYE programmes are open ${where(insight)}.`
      : `${pluralise(data.programmes, 'open ASYE programme')} ${where(insight)}: ${data.withReviewOverdue} with a review point overdue, ${data.evidenceComplete} with the required evidence complete, ${data.protectedTimeMet} with protected time on target.`;
  if (data.suppressed)
    return {
      key: 'cohort',
      heading,
      summary,
      suppressed: suppressionText(insight.scope.minGroupSize),
      more: [],
    };
  const measures: [string, number][] = [
    ['Open programmes', data.programmes],
    ['Review point overdue', data.withReviewOverdue],
    ['Evidence complete', data.evidenceComplete],
    ['Protected time on target', data.protectedTimeMet],
    ['Paused today', data.paused],
  ];
  return {
    key: 'cohort',
    heading,
    summary,
    chart: barChart(
      { id: 'cohort-chart', title: 'Newly qualified social workers in their ASYE', description: summary },
      measures.map(([label, value]) => ({ label, value, valueText: String(value) })),
      { max: data.programmes },
    ),
    table: {
      caption: 'Newly qualified social workers in their ASYE',
      head: ['Measure', 'NQSWs'],
      rows: measures.map(([label, value]) => [label, String(value)]),
    },
    more: data.members.length
      ? [
          {
            caption: 'Each NQSW, next review first',
            head: ['Name', 'Next review', 'Due', 'Required evidence approved', 'Reviews overdue'],
            rows: data.members.map((m) => [
              m.name,
              m.nextReviewPoint ? humaniseKey(m.nextReviewPoint) : 'None',
              m.nextReviewDueOn ?? '',
              `${m.evidenceApproved} of ${m.evidenceRequired}`,
              String(m.reviewPointsOverdue),
            ]),
          },
        ]
      : [],
  };
}

/** "SIX_MONTH" → "Six month". */
function humaniseKey(key: string): string {
  const words = key.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PARTS: Record<PartKey, (insight: Insight) => InsightPart> = {
  stages: stagesPart,
  coverage: coveragePart,
  cpd: cpdPart,
  turnaround: turnaroundPart,
  supervision: supervisionPart,
  pipeline: pipelinePart,
  cohort: cohortPart,
};

export function insightPart(key: PartKey, insight: Insight): InsightPart {
  return PARTS[key](insight);
}

export function insightParts(insight: Insight): InsightPart[] {
  return PART_KEYS.map((key) => PARTS[key](insight));
}
