import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import { addMonths } from '../calendar/add-months.js';
import type { CpdPeriod, CpdRuleSet } from './compliance.types.js';
import { endOfLondonDay } from './end-of-london-day.js';
import { registrationYearOf } from './registration-year-of.js';

/**
 * The CPD period of `ruleSet` that contains the UK day `day`, with its deadline.
 * - `REGISTRATION_YEAR` periods are the same for everyone (SWE: 1 December to 30 November).
 * - `FROM_REGISTRATION` periods are anchored on the practitioner's `registeredFrom`: period k runs
 *   from `registeredFrom` + k × `years` (a 29 February start falls on 28 February in other years)
 *   to the day before the next one. Before `registeredFrom`, the first period is the one that matters.
 *   Without `registeredFrom` they cannot be worked out: REGISTRATION_DATE_REQUIRED.
 * The deadline is 23:59:59.999 UK time, `deadlineDaysBeforeEnd` days before the period's last day.
 */
export function cpdPeriodOf(ruleSet: CpdRuleSet, day: IsoDate, registeredFrom: IsoDate | null): CpdPeriod {
  let start: IsoDate;
  let end: IsoDate;
  if (ruleSet.period.kind === 'REGISTRATION_YEAR') {
    ({ start, end } = registrationYearOf(day, ruleSet.period.startsOn));
  } else {
    if (registeredFrom === null) {
      throw new DomainError(
        'REGISTRATION_DATE_REQUIRED',
        `The date the practitioner's registration started is needed to work out their ${ruleSet.regulator} CPD period.`,
        'input.registeredFrom',
        { regulator: ruleSet.regulator },
      );
    }
    const months = 12 * ruleSet.period.years;
    const startOf = (k: number) => addMonths(registeredFrom, k * months);
    let k = Math.max(
      0,
      Math.floor((Number(day.slice(0, 4)) - Number(registeredFrom.slice(0, 4))) / ruleSet.period.years),
    );
    while (k > 0 && startOf(k) > day) k -= 1;
    while (startOf(k + 1) <= day) k += 1;
    start = startOf(k);
    end = addDays(startOf(k + 1), -1);
  }
  const deadlineOn = addDays(end, -ruleSet.deadlineDaysBeforeEnd);
  return { start, end, deadlineOn, deadline: endOfLondonDay(deadlineOn) };
}
