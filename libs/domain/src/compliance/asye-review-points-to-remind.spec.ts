import { asyeReviewPointsToRemind as sut } from './asye-review-points-to-remind.js';
import type { AsyeProgressSummary, AsyeReviewPointStatus } from './asye.types.js';

const point = (code: string, status: AsyeReviewPointStatus, dueOn: string | null = '2026-06-01') => ({
  code,
  monthsAfterStart: 3,
  dueOn,
  heldOn: status === 'RECORDED' ? '2026-05-30' : null,
  status,
});

describe('asyeReviewPointsToRemind', () => {
  it('should list the points due soon and overdue, with their due dates', () => {
    const summary: Pick<AsyeProgressSummary, 'reviewPoints' | 'pausedToday'> = {
      pausedToday: false,
      reviewPoints: [
        point('THREE_MONTH', 'OVERDUE', '2026-03-01'),
        point('SIX_MONTH', 'DUE_SOON', '2026-06-01'),
        point('FINAL', 'UPCOMING', '2026-12-01'),
      ],
    };
    expect(sut(summary)).toEqual([
      { code: 'THREE_MONTH', dueOn: '2026-03-01', overdue: true },
      { code: 'SIX_MONTH', dueOn: '2026-06-01', overdue: false },
    ]);
  });

  it('should list nothing recorded, upcoming or paused', () => {
    expect(
      sut({
        pausedToday: false,
        reviewPoints: [point('THREE_MONTH', 'RECORDED'), point('SIX_MONTH', 'PAUSED', null)],
      }),
    ).toEqual([]);
  });

  it('should list nothing while the ASYE is paused', () => {
    expect(sut({ pausedToday: true, reviewPoints: [point('THREE_MONTH', 'OVERDUE')] })).toEqual([]);
  });
});
