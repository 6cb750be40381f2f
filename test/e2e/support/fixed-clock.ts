import { Clock } from '../../../apps/api/src/common/clock.js';

/** A clock the test sets: `today()` is the UK day of `now()`, as in the real one. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}
