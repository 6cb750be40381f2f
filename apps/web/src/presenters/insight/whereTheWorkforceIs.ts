import { barChart } from '../charts/barChart.js';
import { heatMap } from '../charts/heatMap.js';
import { stackedBarChart } from '../charts/stackedBarChart.js';
import { joinAnd, pluralise } from '../plainEnglish.js';
import { suppressionText, type InsightTable } from './insightTable.js';
import {
  humaniseKey,
  levelName,
  SHORT_LEVEL,
  stageName,
  where,
  type Insight,
  type InsightPart,
} from './insightPart.js';

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
