import { assertCpdActivityType } from './assert-cpd-activity-type.js';

describe('assertCpdActivityType', () => {
  it.each([
    ['CPD_ACTIVITY', 'TRAINING'],
    ['DIRECT_OBSERVATION', null],
    ['CRITICAL_REFLECTION', null],
  ] as const)('should accept %s with %s', (kind, type) => {
    expect(() => assertCpdActivityType(kind, type)).not.toThrow();
  });

  it.each([
    ['CPD_ACTIVITY', null],
    ['WRITTEN_REPORT', 'READING_OR_RESEARCH'],
  ] as const)('should refuse %s with %s', (kind, type) => {
    expect(() => assertCpdActivityType(kind, type)).toThrow(
      expect.objectContaining({ code: 'CPD_ACTIVITY_TYPE_INVALID', field: 'input.cpdActivityType' }),
    );
  });
});
