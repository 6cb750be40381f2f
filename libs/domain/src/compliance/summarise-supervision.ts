import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import { addMonths } from '../calendar/add-months.js';
import { daysBetween } from '../calendar/days-between.js';
import {
  DEFAULT_SUPERVISION_POLICY,
  type SupervisionFacts,
  type SupervisionPolicy,
  type SupervisionSpan,
  type SupervisionSummary,
} from './supervision.types.js';

interface Phase {
  from: IsoDate | null;
  until: IsoDate | null;
  every: SupervisionSpan;
}

/**
 * Whether someone's supervision is up to date on `today` (a UK day) under the organisation's policy
 * (reference §8.2, §10 rule 7).
 *
 * A session counts when it is on or before today, of a counted kind and at least `minMinutes` long.
 * The next session is due counting from the later of the last counted session and the NQSW's start
 * (or `inPostSince` for others): it is the first day on which the gap since then reaches the frequency
 * of the phase that day falls in. So a weekly NQSW seen on day 41 is next due on day 55 (fortnightly
 * from day 43), not day 48, and one seen just before 6 months is next due a month later.
 * Overdue from the day after the due date. With neither a session nor a start, nothing is due.
 * After a stage change (`nqswEndedOn`) the frequency changes but the clock does not restart: an NQSW
 * promoted after nine months without supervision is overdue, not up to date.
 */
export function summariseSupervision(
  facts: SupervisionFacts,
  today: IsoDate,
  policy: SupervisionPolicy = DEFAULT_SUPERVISION_POLICY,
): SupervisionSummary {
  const past = facts.sessions.filter((s) => s.date <= today);
  const qualifying = past.filter(
    (s) => s.minutes >= policy.minMinutes && policy.countsKinds.includes(s.kind),
  );
  const lastQualifyingOn = qualifying.reduce<IsoDate | null>(
    (last, s) => (last === null || s.date > last ? s.date : last),
    null,
  );

  const phases = phasesOf(facts.nqswStartedOn, facts.nqswEndedOn ?? null, policy);
  const start = facts.nqswStartedOn ?? facts.inPostSince ?? null;
  const from =
    lastQualifyingOn !== null && (start === null || lastQualifyingOn > start) ? lastQualifyingOn : start;
  const nextDueOn = from === null ? null : nextDue(from, phases);

  const daysOverdue = nextDueOn === null ? 0 : Math.max(0, daysBetween(nextDueOn, today));
  const daysToDue = nextDueOn === null ? null : daysBetween(today, nextDueOn);
  return {
    lastQualifyingOn,
    nextDueOn,
    everyNow:
      phases.find((p) => (p.from === null || p.from <= today) && (p.until === null || today < p.until))
        ?.every ?? phases[phases.length - 1]!.every,
    overdue: daysOverdue > 0,
    daysOverdue,
    dueSoon: daysToDue !== null && daysToDue >= 0 && daysToDue <= policy.dueSoonDays,
    qualifyingSessions: qualifying.length,
    sessionsUnderMinimum: past.filter((s) => s.minutes < policy.minMinutes).length,
  };
}

/**
 * The phases as dates: NQSW phases from their start, or the one frequency for everyone else. When
 * the NQSW stage ended (a promotion), its phases stop that day and the frequency for everyone else
 * runs from it; the clock does not restart, since the gap is still counted from the last session.
 */
function phasesOf(
  nqswStartedOn: IsoDate | null,
  nqswEndedOn: IsoDate | null,
  policy: SupervisionPolicy,
): Phase[] {
  if (nqswStartedOn === null || policy.nqswPhases.length === 0) {
    return [{ from: null, until: null, every: policy.otherEvery }];
  }
  let from: IsoDate | null = null;
  const nqsw = policy.nqswPhases.map((phase) => {
    const until = phase.until === null ? null : after(nqswStartedOn, phase.until);
    const dated = { from, until, every: phase.every };
    from = until;
    return dated;
  });
  if (nqswEndedOn === null || nqswEndedOn <= nqswStartedOn) return nqsw;
  return [
    ...nqsw
      .filter((p) => p.from === null || p.from < nqswEndedOn)
      .map((p) => ({ ...p, until: p.until === null || p.until > nqswEndedOn ? nqswEndedOn : p.until })),
    { from: nqswEndedOn, until: null, every: policy.otherEvery },
  ];
}

/** The first day whose gap since `from` reaches the frequency of the phase the day falls in. */
function nextDue(from: IsoDate, phases: readonly Phase[]): IsoDate {
  let best: IsoDate | null = null;
  for (const phase of phases) {
    const byGap = after(from, phase.every);
    const candidate = phase.from !== null && phase.from > byGap ? phase.from : byGap;
    if ((phase.until === null || candidate < phase.until) && (best === null || candidate < best))
      best = candidate;
  }
  // Only a policy whose last phase is not open-ended leaves nothing; then its last frequency runs on.
  return best ?? after(from, phases[phases.length - 1]!.every);
}

function after(date: IsoDate, span: SupervisionSpan): IsoDate {
  return span.unit === 'DAYS' ? addDays(date, span.count) : addMonths(date, span.count);
}
