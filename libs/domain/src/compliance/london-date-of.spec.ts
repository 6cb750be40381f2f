import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { endOfLondonDay } from './end-of-london-day.js';
import { londonDateOf as sut } from './london-date-of.js';
import { londonUtcOffsetMinutes } from './london-utc-offset-minutes.js';

const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) });

describe('londonDateOf', () => {
  it.each([
    ['2025-11-30T23:59:59.999Z', '2025-11-30', 'the last moment of 30 November (GMT)'],
    ['2025-12-01T00:00:00.000Z', '2025-12-01', 'midnight starting 1 December (GMT)'],
    ['2025-06-30T22:59:59.999Z', '2025-06-30', 'the last moment of 30 June (BST)'],
    ['2025-06-30T23:30:00.000Z', '2025-07-01', '00:30 BST on 1 July'],
    ['2025-03-29T23:59:59.000Z', '2025-03-29', 'the night before clocks go forward'],
    ['2025-03-30T00:59:59.999Z', '2025-03-30', '00:59 GMT on the last Sunday of March'],
    ['2025-03-30T01:00:00.000Z', '2025-03-30', '02:00 BST, just after clocks went forward'],
    ['2025-03-30T22:59:59.999Z', '2025-03-30', '23:59 BST on the day clocks went forward'],
    ['2025-03-30T23:00:00.000Z', '2025-03-31', 'midnight BST after clocks went forward'],
    ['2025-10-25T22:59:59.999Z', '2025-10-25', '23:59 BST the night before clocks go back'],
    ['2025-10-25T23:00:00.000Z', '2025-10-26', 'midnight BST on the last Sunday of October'],
    ['2025-10-26T00:59:59.999Z', '2025-10-26', '01:59 BST, the first 01:xx'],
    ['2025-10-26T01:00:00.000Z', '2025-10-26', '01:00 GMT, the second 01:xx'],
    ['2025-10-26T23:59:59.999Z', '2025-10-26', '23:59 GMT at the end of the 25-hour day'],
    ['2025-10-27T00:00:00.000Z', '2025-10-27', 'midnight GMT after clocks went back'],
  ])('should read %s as %s (%s)', (iso, expected, _label) => {
    expect(sut(new Date(iso))).toBe(expected);
  });

  it('should throw a TypeError for an invalid Date', () => {
    expect(() => sut(new Date('not a date'))).toThrow(TypeError);
  });

  it('should never go backwards as time goes forwards', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(sut(new Date(early)) <= sut(new Date(late))).toBe(true);
      }),
    );
  });

  it('should agree with endOfLondonDay: the day ends at or after the instant and the next day starts 1 ms later', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const day = sut(new Date(ms));
        const end = endOfLondonDay(day);
        expect(end.getTime()).toBeGreaterThanOrEqual(ms);
        expect(sut(end)).toBe(day);
        expect(sut(new Date(end.getTime() + 1))).toBe(addDays(day, 1));
      }),
    );
  });
});

describe('londonUtcOffsetMinutes', () => {
  it.each([
    ['2025-01-15T12:00:00.000Z', 0],
    ['2025-03-30T00:59:59.999Z', 0],
    ['2025-03-30T01:00:00.000Z', 60],
    ['2025-07-15T12:00:00.000Z', 60],
    ['2025-10-26T00:59:59.999Z', 60],
    ['2025-10-26T01:00:00.000Z', 0],
    ['1969-07-20T20:17:40.500Z', 60],
  ])('should give the UK offset at %s as %d minutes', (iso, expected) => {
    expect(londonUtcOffsetMinutes(new Date(iso))).toBe(expected);
  });
});

describe('endOfLondonDay', () => {
  it.each([
    ['2025-11-30', '2025-11-30T23:59:59.999Z', 'a GMT day'],
    ['2025-06-30', '2025-06-30T22:59:59.999Z', 'a BST day'],
    ['2025-03-29', '2025-03-29T23:59:59.999Z', 'the day before clocks go forward'],
    ['2025-03-30', '2025-03-30T22:59:59.999Z', 'the 23-hour day clocks go forward'],
    ['2025-10-25', '2025-10-25T22:59:59.999Z', 'the day before clocks go back'],
    ['2025-10-26', '2025-10-26T23:59:59.999Z', 'the 25-hour day clocks go back'],
  ])('should end %s at %s (%s)', (day, expected, _label) => {
    expect(endOfLondonDay(day).toISOString()).toBe(expected);
  });
});
