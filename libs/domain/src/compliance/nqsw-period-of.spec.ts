import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { nqswPeriodOf as sut } from './nqsw-period-of.js';

const asye = (startDate: string, confirmedOn: string | null = null) => ({ startDate, confirmedOn });
const spell = (fromDate: string, pcfLevelCode: string | null) => ({ fromDate, pcfLevelCode });

describe('nqswPeriodOf', () => {
  it('should give nothing to someone who never started an ASYE, whatever their stages', () => {
    expect(
      sut({ programmes: [], stages: [spell('2024-01-01', 'ASYE'), spell('2025-01-01', 'SOCIAL_WORKER')] }),
    ).toBeNull();
  });

  it('should run from the ASYE start, open while neither a confirmation nor a promotion has come', () => {
    expect(sut({ programmes: [asye('2025-09-01')], stages: [spell('2025-09-01', 'ASYE')] })).toEqual({
      startedOn: '2025-09-01',
      endedOn: null,
    });
  });

  it('should end on the day the ASYE outcome was confirmed', () => {
    expect(sut({ programmes: [asye('2025-09-01', '2026-09-10')], stages: [] })).toEqual({
      startedOn: '2025-09-01',
      endedOn: '2026-09-10',
    });
  });

  it('should end on a promotion to a stage beyond the ASYE, even before the outcome is confirmed', () => {
    const stages = [spell('2025-09-01', 'ASYE'), spell('2026-06-01', 'SOCIAL_WORKER')];
    expect(sut({ programmes: [asye('2025-09-01', '2026-09-10')], stages })).toEqual({
      startedOn: '2025-09-01',
      endedOn: '2026-06-01',
    });
  });

  it.each([['SOCIAL_WORKER'], ['EXPERIENCED_SOCIAL_WORKER'], ['ADVANCED'], ['STRATEGIC']])(
    'should count a move to a stage at the %s level as the end',
    (level) => {
      expect(sut({ programmes: [asye('2025-09-01')], stages: [spell('2026-03-01', level)] })?.endedOn).toBe(
        '2026-03-01',
      );
    },
  );

  it.each<[string, string | null]>([
    ['the NQSW stage itself, recorded a few days after the ASYE began', 'ASYE'],
    ['a student stage recorded late', 'ENTRY'],
    ['a placement level', 'END_LAST_PLACEMENT'],
    ['a stage the organisation gave no PCF level', null],
  ])('should not end on %s', (_, level) => {
    expect(
      sut({ programmes: [asye('2025-09-01')], stages: [spell('2025-09-05', level)] })?.endedOn,
    ).toBeNull();
  });

  it('should not count a stage beyond the ASYE held before it began (someone repeating it)', () => {
    const stages = [spell('2020-01-01', 'SOCIAL_WORKER'), spell('2025-09-01', 'ASYE')];
    expect(sut({ programmes: [asye('2025-09-01')], stages })?.endedOn).toBeNull();
  });

  it('should use the latest ASYE: an earlier one, confirmed or not, has ended', () => {
    const programmes = [asye('2026-01-05'), asye('2024-09-01', '2025-01-10')];
    expect(sut({ programmes, stages: [spell('2024-12-01', 'SOCIAL_WORKER')] })).toEqual({
      startedOn: '2026-01-05',
      endedOn: null,
    });
  });

  it('should take the earliest end, whatever order the facts arrive in', () => {
    const day = fc.integer({ min: 1, max: 900 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(
        fc.option(day, { nil: null }),
        fc.array(fc.tuple(day, fc.constantFrom('ASYE', 'SOCIAL_WORKER', 'ADVANCED', 'ENTRY', null))),
        (confirmedOn, raw) => {
          const stages = raw.map(([d, l]) => spell(d, l));
          const result = sut({ programmes: [asye('2025-01-01', confirmedOn)], stages });
          const reversed = sut({
            programmes: [asye('2025-01-01', confirmedOn)],
            stages: [...stages].reverse(),
          });
          expect(reversed).toEqual(result);
          const candidates = [
            ...(confirmedOn ? [confirmedOn] : []),
            ...stages
              .filter((s) => s.pcfLevelCode === 'SOCIAL_WORKER' || s.pcfLevelCode === 'ADVANCED')
              .map((s) => s.fromDate),
          ].sort();
          expect(result?.endedOn).toBe(candidates[0] ?? null);
        },
      ),
    );
  });
});
