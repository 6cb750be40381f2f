import { barChart } from '../charts/barChart.js';
import { pluralise } from '../plainEnglish.js';
import { days, percent, suppressionText, type InsightTable } from './insightTable.js';
import { teamLabel, teamShareBars, where, type Insight, type InsightPart } from './insightPart.js';

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
