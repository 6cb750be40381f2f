import { decimalHoursFromHours, decimalHoursFromMinutes, hoursFromDecimal } from './hours.js';

describe('hours', () => {
  it.each([
    [0, '0.00'],
    [1.5, '1.50'],
    [0.07, '0.07'],
    [7.25, '7.25'],
    [999, '999.00'],
  ])('should keep %p hours as %p', (hours, decimal) => {
    expect(decimalHoursFromHours(hours)).toBe(decimal);
  });

  it('should agree with two-place rounding for every hours value an input accepts', () => {
    const disagreements: number[] = [];
    for (let hundredths = 0; hundredths <= 99_900; hundredths++) {
      const hours = Number((hundredths / 100).toFixed(2));
      if (decimalHoursFromHours(hours) !== hours.toFixed(2)) disagreements.push(hours);
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    [60, '1.00'],
    [80, '1.33'],
    [100, '1.67'],
    [1, '0.02'],
  ])('should keep %p minutes as %p hours', (minutes, decimal) => {
    expect(decimalHoursFromMinutes(minutes)).toBe(decimal);
  });

  it('should agree with two-place rounding for every supervision length up to a working day', () => {
    for (let minutes = 0; minutes <= 480; minutes++) {
      expect(decimalHoursFromMinutes(minutes)).toBe((minutes / 60).toFixed(2));
    }
  });

  it('should return the float GraphQL sends', () => {
    expect(hoursFromDecimal('1.33')).toBe(1.33);
    expect(hoursFromDecimal('90.00')).toBe(90);
  });
});
