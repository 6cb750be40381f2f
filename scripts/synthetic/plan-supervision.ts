import type { Random } from './create-random.js';
import type { Person } from './plan-people.js';
import type { OrgContext } from './seed-organisation.js';
import { addDays, at, maxDate, minDate, toDays } from './synthetic-dates.js';
import { idFor } from './synthetic-ids.js';

/** How someone's supervision has gone over the last eighteen months. */
const SUPERVISION_PATTERN_WEIGHTS = { REGULAR: 74, IRREGULAR: 15, LAPSED: 8, NEVER: 3 } as const;
const SUPERVISION_KIND_WEIGHTS = { CASE_MANAGEMENT: 45, REFLECTIVE: 45, GROUP: 10 } as const;
const SUPERVISION_NOTES = [
  'Caseload review; actions agreed for two families.',
  'Reflective discussion of a complex visit; wellbeing check.',
  'Workload and priorities; training needs noted for the next appraisal.',
  'Case decisions recorded on the file; risk discussed for one case.',
  'Learning from a recent review; next steps agreed.',
] as const;

/**
 * Supervision sessions over the last eighteen months, with the person's assessor or supervisor. Most
 * are seen about monthly, NQSWs as the ASYE asks (weekly for 6 weeks, fortnightly to 6 months, then
 * monthly), students fortnightly by their practice educator; some irregularly, some not since a few
 * months (overdue), a few never. Now and then a session is shorter than the 90 minutes that count.
 */
export function planSupervision(
  ctx: OrgContext,
  orgId: string,
  orgNo: number,
  p: Person,
  random: Random,
): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const pattern = p.index === 0 ? 'REGULAR' : random.weighted(SUPERVISION_PATTERN_WEIGHTS);
  if (pattern === 'NEVER' || !p.reviewer) return;
  const started = p.spells[0]!.from;
  const nqsw = p.stage === 'NQSW';
  const first = maxDate(addDays(asOf, -540), nqsw ? started : addDays(started, random.int(0, 30)));
  const stopsAfter = pattern === 'LAPSED' ? addDays(asOf, -random.int(45, 150)) : asOf;
  /** Days to the next session: the policy's gap for this stage, then a little slippage. */
  const gap = (day: string) => {
    const since = toDays(day) - toDays(started);
    const every =
      p.stage === 'STUDENT' ? 14 : nqsw && since < 42 ? 7 : nqsw && since < 182 ? 14 : random.int(28, 31);
    const slip =
      pattern === 'IRREGULAR'
        ? random.int(0, Math.round(every * 1.2))
        : random.chance(0.1)
          ? random.int(1, 7)
          : 0;
    return every - random.int(0, every > 7 ? 3 : 1) + slip;
  };
  let n = 0;
  for (let day = first; day <= stopsAfter; day = addDays(day, gap(day)), n++) {
    const kind = nqsw && random.chance(0.6) ? 'REFLECTIVE' : random.weighted(SUPERVISION_KIND_WEIGHTS);
    const minutes = random.chance(0.07) ? random.pick([45, 60, 75]) : random.pick([90, 90, 90, 105, 120]);
    buffers.supervision.push([
      orgId,
      idFor(namespace, 'supervision', orgNo, p.index, n),
      p.reviewer.userId,
      p.userId,
      day,
      minutes,
      kind,
      random.pick(SUPERVISION_NOTES),
      random.chance(0.85) ? p.reviewer.userId : p.userId,
      at(minDate(addDays(day, random.int(0, 3)), asOf), 17, random.int(0, 59)),
    ]);
  }
}
