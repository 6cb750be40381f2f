import { addDays, datePartsFrom, datePartsOf, isoDateFrom, ukToday } from './dates.js';

describe('isoDateFrom', () => {
  const sut = isoDateFrom;

  it.each([
    [{ day: '3', month: '12', year: '2026' }, '2026-12-03'],
    [{ day: '29', month: '2', year: '2028' }, '2028-02-29'],
    [{ day: '31', month: '12', year: '2026' }, '2026-12-31'],
  ])('should read %j as %s', (parts, iso) => {
    expect(sut(parts, 'Starts on')).toEqual({ ok: true, value: iso });
  });

  it.each([
    [{ day: '', month: '', year: '' }, 'Enter the date for starts on'],
    [{ day: '3', month: '', year: '' }, 'Starts on must include a month and year'],
    [{ day: '30', month: '2', year: '2026' }, 'Starts on must be a real date'],
    [{ day: '29', month: '2', year: '2027' }, 'Starts on must be a real date'],
    [{ day: 'x', month: '2', year: '2026' }, 'Starts on must be a real date'],
    [{ day: '1', month: '2', year: '26' }, 'Starts on must be a real date'],
  ])('should refuse %j with “%s”', (parts, message) => {
    expect(sut(parts, 'Starts on')).toEqual({ ok: false, message });
  });
});

describe('date parts', () => {
  it('should read the three boxes of a prefix from a posted body, trimmed', () => {
    expect(
      datePartsFrom({ 'endsOn-day': ' 4 ', 'endsOn-month': '7', 'endsOn-year': '2027' }, 'endsOn'),
    ).toEqual({
      day: '4',
      month: '7',
      year: '2027',
    });
  });

  it('should split a YYYY-MM-DD day into boxes without leading zeros, and nothing into empty boxes', () => {
    expect(datePartsOf('2027-03-09')).toEqual({ day: '9', month: '3', year: '2027' });
    expect(datePartsOf(null)).toEqual({ day: '', month: '', year: '' });
  });
});

describe('ukToday and addDays', () => {
  it('should give the UK day, which is a day ahead of UTC just after midnight in summer', () => {
    expect(ukToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukToday(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });

  it('should add days across a month and a leap day', () => {
    expect(addDays('2026-12-03', 90)).toBe('2027-03-03');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
