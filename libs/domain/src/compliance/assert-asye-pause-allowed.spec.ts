import { DomainError } from '../errors.js';
import { assertAsyePauseAllowed as sut } from './assert-asye-pause-allowed.js';
import { DEFAULT_ASYE_POLICY, type AsyePauseFacts, type AsyePauseReason } from './asye.types.js';

const START = '2025-01-15';
const existing: AsyePauseFacts[] = [
  { pauseId: 'p1', startsOn: '2025-03-01', endsOn: '2025-03-10', reason: 'SICKNESS' },
  { pauseId: 'p2', startsOn: '2025-09-01', endsOn: null, reason: 'PARENTAL_LEAVE' },
];

function errorOf(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

const pause = (
  startsOn: string,
  endsOn: string | null,
  reason: AsyePauseReason = 'SICKNESS',
): AsyePauseFacts => ({
  startsOn,
  endsOn,
  reason,
});

describe('assertAsyePauseAllowed', () => {
  it.each<[string, AsyePauseFacts]>([
    ['the day after another ends', pause('2025-03-11', '2025-03-20')],
    ['ending the day before another starts', pause('2025-02-20', '2025-02-28')],
    ['on the ASYE’s first day', pause(START, START)],
    [
      'between two pauses, up to the day before an open one',
      pause('2025-04-01', '2025-08-31', 'BEREAVEMENT'),
    ],
    ['for lack of support', pause('2025-05-01', '2025-05-02', 'LACK_OF_SUPPORT')],
    ['an edit of the same pause', { ...pause('2025-03-05', '2025-03-15'), pauseId: 'p1' }],
  ])('should allow a pause %s', (_label, candidate) => {
    expect(() => sut(candidate, existing, START)).not.toThrow();
  });

  it.each<[string, AsyePauseFacts, string, string]>([
    [
      'for capability',
      pause('2025-05-01', '2025-05-02', 'CAPABILITY'),
      'ASYE_PAUSE_REASON_NOT_ALLOWED',
      'input.reason',
    ],
    [
      'starting on the day another ends',
      pause('2025-03-10', '2025-03-12'),
      'ASYE_PAUSE_OVERLAP',
      'input.startsOn',
    ],
    [
      'ending on the day another starts',
      pause('2025-02-20', '2025-03-01'),
      'ASYE_PAUSE_OVERLAP',
      'input.startsOn',
    ],
    ['around another', pause('2025-02-01', '2025-04-01'), 'ASYE_PAUSE_OVERLAP', 'input.startsOn'],
    ['open-ended before another', pause('2025-05-01', null), 'ASYE_PAUSE_OVERLAP', 'input.startsOn'],
    [
      'after an open-ended one started',
      pause('2026-01-01', '2026-01-05'),
      'ASYE_PAUSE_OVERLAP',
      'input.startsOn',
    ],
    ['before the ASYE started', pause('2025-01-14', '2025-01-20'), 'INVALID_DATE_RANGE', 'input.startsOn'],
    ['ending before it starts', pause('2025-05-02', '2025-05-01'), 'INVALID_DATE_RANGE', 'input.endsOn'],
  ])('should refuse a pause %s', (_label, candidate, code, field) => {
    expect(errorOf(() => sut(candidate, existing, START))).toMatchObject({ code, field });
  });

  it('should refuse capability even when an organisation lists it', () => {
    const policy = {
      ...DEFAULT_ASYE_POLICY,
      allowedPauseReasons: [...DEFAULT_ASYE_POLICY.allowedPauseReasons, 'CAPABILITY' as const],
    };
    expect(errorOf(() => sut(pause('2025-05-01', null, 'CAPABILITY'), [], START, policy))?.code).toBe(
      'ASYE_PAUSE_REASON_NOT_ALLOWED',
    );
  });

  it('should refuse a reason the organisation does not accept', () => {
    const policy = { ...DEFAULT_ASYE_POLICY, allowedPauseReasons: ['PARENTAL_LEAVE' as const] };
    expect(errorOf(() => sut(pause('2025-05-01', null, 'SICKNESS'), [], START, policy))?.code).toBe(
      'ASYE_PAUSE_REASON_NOT_ALLOWED',
    );
  });
});
