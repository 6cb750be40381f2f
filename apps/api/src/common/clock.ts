import { Injectable } from '@nestjs/common';
import type { IsoDate } from '#app/domain';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The one place the API reads the time. Domain rules take the instant or the day as an argument,
 * and tests replace this provider to control time instead of waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in England, where registration years and deadlines are set (YYYY-MM-DD). */
  today(): IsoDate {
    return this.dayOf(this.now());
  }

  /** The day an instant falls on in England (YYYY-MM-DD). */
  dayOf(instant: Date): IsoDate {
    return LONDON_DAY.format(instant);
  }
}
