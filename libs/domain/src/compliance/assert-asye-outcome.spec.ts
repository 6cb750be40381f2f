import { DomainError } from '../errors.js';
import { assertCanConfirmAsyeOutcome } from './assert-can-confirm-asye-outcome.js';
import { assertCanRecommendAsyeOutcome } from './assert-can-recommend-asye-outcome.js';
import { asyeProgramme, completeAsyeEvidence } from './asye.test-fixtures.js';
import type { AsyeOutcome, AsyeProgrammeFacts } from './asye.types.js';
import { summariseAsyeProgress } from './summarise-asye-progress.js';

const REVIEWS = [
  { code: 'THREE_MONTH', heldOn: '2025-04-15', assessorComments: 'ok' },
  { code: 'SIX_MONTH', heldOn: '2025-07-15', assessorComments: 'ok' },
  { code: 'FINAL', heldOn: '2026-01-15', assessorComments: 'ok' },
];
const RECOMMENDATION = { outcome: 'PASS' as const, recommendedOn: '2026-01-16', assessorUserId: 'assessor' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('assertCanRecommendAsyeOutcome', () => {
  it.each<[string, Partial<AsyeProgrammeFacts>, AsyeOutcome, string | undefined]>([
    [
      'a PASS with everything in place',
      { reviews: REVIEWS, evidence: completeAsyeEvidence() },
      'PASS',
      undefined,
    ],
    ['a FAIL with evidence missing', { reviews: REVIEWS }, 'FAIL', undefined],
    ['a PASS with evidence missing', { reviews: REVIEWS }, 'PASS', 'ASYE_RECOMMENDATION_NOT_READY'],
    [
      'a FAIL before the final review',
      { reviews: REVIEWS.slice(0, 2) },
      'FAIL',
      'ASYE_RECOMMENDATION_NOT_READY',
    ],
    [
      'a second recommendation',
      { reviews: REVIEWS, recommendation: RECOMMENDATION },
      'FAIL',
      'ASYE_RECOMMENDATION_RECORDED',
    ],
  ])('should judge %s', (_label, overrides, outcome, code) => {
    const summary = summariseAsyeProgress(asyeProgramme(overrides), '2026-01-20');
    expect(codeOf(() => assertCanRecommendAsyeOutcome(summary, outcome))).toBe(code);
  });
});

describe('assertCanConfirmAsyeOutcome', () => {
  it.each<[string, Partial<AsyeProgrammeFacts>, string, string | undefined]>([
    ['the PSW confirming a recommendation', { recommendation: RECOMMENDATION }, 'psw', undefined],
    ['no recommendation yet', {}, 'psw', 'ASYE_RECOMMENDATION_MISSING'],
    [
      'a second confirmation',
      {
        recommendation: RECOMMENDATION,
        confirmation: { confirmedOn: '2026-02-01', confirmedByUserId: 'psw' },
      },
      'panel-chair',
      'ASYE_OUTCOME_CONFIRMED',
    ],
    [
      'the assessor confirming their own recommendation',
      { recommendation: RECOMMENDATION },
      'assessor',
      'SELF_REVIEW',
    ],
    ['the NQSW confirming', { recommendation: RECOMMENDATION }, 'nqsw', 'SELF_REVIEW'],
  ])('should judge %s', (_label, overrides, confirmer, code) => {
    expect(codeOf(() => assertCanConfirmAsyeOutcome(asyeProgramme(overrides), confirmer))).toBe(code);
  });
});
