import { DomainError } from '../errors.js';
import { assertReviewPointRecordable as sut } from './assert-review-point-recordable.js';
import type { AsyeReviewFacts } from './asye.types.js';

const held = (code: string, heldOn: string): AsyeReviewFacts => ({
  code,
  heldOn,
  assessorComments: 'Good progress.',
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('assertReviewPointRecordable', () => {
  it.each<[string, string, string, AsyeReviewFacts[]]>([
    ['the 3-month review first', 'THREE_MONTH', '2025-04-15', []],
    [
      'the 6-month review after the 3-month one',
      'SIX_MONTH',
      '2025-07-15',
      [held('THREE_MONTH', '2025-04-15')],
    ],
    [
      'the 6-month review on the same day as the 3-month one',
      'SIX_MONTH',
      '2025-04-15',
      [held('THREE_MONTH', '2025-04-15')],
    ],
    [
      'the final review last',
      'FINAL',
      '2026-01-15',
      [held('THREE_MONTH', '2025-04-15'), held('SIX_MONTH', '2025-07-15')],
    ],
  ])('should allow %s', (_label, code, heldOn, recorded) => {
    expect(() => sut({ code, heldOn }, recorded)).not.toThrow();
  });

  it.each<[string, string, string, AsyeReviewFacts[], string]>([
    [
      'a review point recorded twice',
      'THREE_MONTH',
      '2025-04-20',
      [held('THREE_MONTH', '2025-04-15')],
      'ASYE_REVIEW_POINT_RECORDED',
    ],
    [
      'the final review recorded twice',
      'FINAL',
      '2026-01-20',
      [held('THREE_MONTH', '2025-04-15'), held('SIX_MONTH', '2025-07-15'), held('FINAL', '2026-01-15')],
      'ASYE_REVIEW_POINT_RECORDED',
    ],
    [
      'the 6-month review before the 3-month one',
      'SIX_MONTH',
      '2025-07-15',
      [],
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
    ],
    [
      'the final review without the 6-month one',
      'FINAL',
      '2026-01-15',
      [held('THREE_MONTH', '2025-04-15')],
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
    ],
    [
      'the 3-month review after a later one',
      'THREE_MONTH',
      '2025-04-15',
      [held('SIX_MONTH', '2025-07-15')],
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
    ],
    [
      'a review held before the previous one',
      'SIX_MONTH',
      '2025-04-14',
      [held('THREE_MONTH', '2025-04-15')],
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
    ],
    ['an unknown review point', 'NINE_MONTH', '2025-10-15', [], 'ASYE_REVIEW_POINT_UNKNOWN'],
  ])('should refuse %s', (_label, code, heldOn, recorded, expected) => {
    expect(codeOf(() => sut({ code, heldOn }, recorded))).toBe(expected);
  });
});
