import { registrationYearOf as sut } from './registration-year-of.js';

describe('registrationYearOf', () => {
  it.each<[string | Date, string, string, string]>([
    ['2025-11-30', '2024-12-01', '2025-11-30', 'the last day of a year'],
    ['2025-12-01', '2025-12-01', '2026-11-30', 'the first day of the next year'],
    ['2025-01-01', '2024-12-01', '2025-11-30', 'New Year inside a year'],
    ['2024-02-29', '2023-12-01', '2024-11-30', 'a leap day'],
    [new Date('2025-11-30T23:59:59.999Z'), '2024-12-01', '2025-11-30', '23:59:59 UK time on 30 November'],
    [new Date('2025-12-01T00:00:00.000Z'), '2025-12-01', '2026-11-30', '00:00 UK time on 1 December'],
  ])('should place %s in %s..%s (%s)', (when, start, end, _label) => {
    expect(sut(when)).toEqual({ start, end });
  });

  it.each([
    ['2025-03-31', '04-01', '2024-04-01', '2025-03-31'],
    ['2025-04-01', '04-01', '2025-04-01', '2026-03-31'],
    ['2024-03-01', '03-01', '2024-03-01', '2025-02-28'],
    ['2025-01-01', '01-01', '2025-01-01', '2025-12-31'],
  ])('should place %s in a year starting on %s as %s..%s', (day, startsOn, start, end) => {
    expect(sut(day, startsOn)).toEqual({ start, end });
  });

  it.each(['02-29', '13-01', '12-1'])('should throw a TypeError for a year starting on %j', (startsOn) => {
    expect(() => sut('2025-01-01', startsOn)).toThrow(TypeError);
  });
});
