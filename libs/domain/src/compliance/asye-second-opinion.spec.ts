import fc from 'fast-check';
import { DomainError } from '../errors.js';
import {
  assertCanConfirmAsyeOutcome,
  type AsyeConfirmationChoice,
} from './assert-can-confirm-asye-outcome.js';
import { assertCanRecordAsyeSecondOpinion } from './assert-can-record-asye-second-opinion.js';
import { assertCanRequestAsyeSecondOpinion } from './assert-can-request-asye-second-opinion.js';
import { asyeAgreementOf } from './asye-agreement-of.js';
import { asyeProgramme } from './asye.test-fixtures.js';
import {
  ASYE_OUTCOMES,
  type AsyeOutcome,
  type AsyeProgrammeFacts,
  type AsyeSecondOpinionFacts,
} from './asye.types.js';

const recommended = (outcome: AsyeOutcome = 'PASS') => ({
  outcome,
  recommendedOn: '2026-01-16',
  assessorUserId: 'assessor',
});
const asked = (outcome: AsyeOutcome | null = null): AsyeSecondOpinionFacts => ({
  secondAssessorUserId: 'second',
  requestedOn: '2026-01-17',
  requestedByUserId: 'psw',
  opinion: outcome === null ? null : { outcome, recordedOn: '2026-01-20' },
});
const CONFIRMED = { confirmedOn: '2026-02-01', confirmedByUserId: 'psw' };

function refusalOf(run: () => unknown): { code: string; field: string | undefined } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
}

describe('assertCanRequestAsyeSecondOpinion', () => {
  it.each<[string, Partial<AsyeProgrammeFacts>, string, [string, string] | undefined]>([
    ['another assessor, once recommended', { recommendation: recommended() }, 'second', undefined],
    ['a PSW as second assessor', { recommendation: recommended('FAIL') }, 'psw', undefined],
    ['before the recommendation', {}, 'second', ['ASYE_RECOMMENDATION_MISSING', 'input.programmeId']],
    [
      'after confirmation',
      { recommendation: recommended(), confirmation: CONFIRMED },
      'second',
      ['ASYE_OUTCOME_CONFIRMED', 'input.programmeId'],
    ],
    [
      'a second time',
      { recommendation: recommended(), secondOpinion: asked() },
      'another',
      ['ASYE_SECOND_OPINION_REQUESTED', 'input.programmeId'],
    ],
    [
      'a second time, once given',
      { recommendation: recommended(), secondOpinion: asked('FAIL') },
      'another',
      ['ASYE_SECOND_OPINION_REQUESTED', 'input.programmeId'],
    ],
    [
      'of the assessor who recommended',
      { recommendation: recommended() },
      'assessor',
      ['SELF_REVIEW', 'input.secondAssessorId'],
    ],
    [
      'of the programme’s assessor when someone else recommended',
      { recommendation: { ...recommended(), assessorUserId: 'former-assessor' } },
      'assessor',
      ['SELF_REVIEW', 'input.secondAssessorId'],
    ],
    ['of the NQSW', { recommendation: recommended() }, 'nqsw', ['SELF_REVIEW', 'input.secondAssessorId']],
  ])('should judge asking %s', (_label, overrides, second, expected) => {
    const refusal = refusalOf(() => assertCanRequestAsyeSecondOpinion(asyeProgramme(overrides), second));
    expect(refusal && [refusal.code, refusal.field]).toEqual(expected);
  });
});

describe('assertCanRecordAsyeSecondOpinion', () => {
  const BLOCKED = ['2 direct observations are missing.'];
  it.each<[string, Partial<AsyeProgrammeFacts>, string, AsyeOutcome, string[], [string, string] | undefined]>(
    [
      ['the named second assessor agreeing', { secondOpinion: asked() }, 'second', 'PASS', [], undefined],
      ['the named second assessor disagreeing', { secondOpinion: asked() }, 'second', 'FAIL', [], undefined],
      ['a FAIL while a pass is blocked', { secondOpinion: asked() }, 'second', 'FAIL', BLOCKED, undefined],
      [
        'a PASS while a pass is blocked',
        { secondOpinion: asked() },
        'second',
        'PASS',
        BLOCKED,
        ['ASYE_RECOMMENDATION_NOT_READY', 'input.outcome'],
      ],
      [
        'when none was asked for',
        {},
        'second',
        'PASS',
        [],
        ['ASYE_SECOND_OPINION_NOT_REQUESTED', 'input.programmeId'],
      ],
      [
        'by someone not named',
        { secondOpinion: asked() },
        'psw',
        'PASS',
        [],
        ['ACCESS_DENIED', 'input.programmeId'],
      ],
      [
        'by the assessor who recommended',
        { secondOpinion: asked() },
        'assessor',
        'PASS',
        [],
        ['ACCESS_DENIED', 'input.programmeId'],
      ],
      [
        'twice',
        { secondOpinion: asked('FAIL') },
        'second',
        'PASS',
        [],
        ['ASYE_SECOND_OPINION_RECORDED', 'input.programmeId'],
      ],
      [
        'after confirmation',
        { secondOpinion: asked(), confirmation: CONFIRMED },
        'second',
        'PASS',
        [],
        ['ASYE_OUTCOME_CONFIRMED', 'input.programmeId'],
      ],
    ],
  )('should judge %s', (_label, overrides, recorder, outcome, blockers, expected) => {
    const programme = asyeProgramme({ recommendation: recommended(), ...overrides });
    const refusal = refusalOf(() => assertCanRecordAsyeSecondOpinion(programme, recorder, outcome, blockers));
    expect(refusal && [refusal.code, refusal.field]).toEqual(expected);
  });
});

describe('asyeAgreementOf', () => {
  it.each<[string, Partial<AsyeProgrammeFacts>, string]>([
    ['no recommendation', {}, 'NOT_ASKED'],
    ['a recommendation alone', { recommendation: recommended() }, 'NOT_ASKED'],
    [
      'a recommendation alone, confirmed',
      { recommendation: recommended(), confirmation: CONFIRMED },
      'NOT_ASKED',
    ],
    [
      'a second opinion awaited',
      { recommendation: recommended(), secondOpinion: asked() },
      'AWAITING_SECOND_OPINION',
    ],
    ['the same view', { recommendation: recommended('FAIL'), secondOpinion: asked('FAIL') }, 'AGREED'],
    [
      'the same view, confirmed',
      { recommendation: recommended(), secondOpinion: asked('PASS'), confirmation: CONFIRMED },
      'AGREED',
    ],
    ['different views', { recommendation: recommended('PASS'), secondOpinion: asked('FAIL') }, 'DISAGREED'],
    [
      'different views, confirmed',
      { recommendation: recommended('FAIL'), secondOpinion: asked('PASS'), confirmation: CONFIRMED },
      'RECONCILED',
    ],
  ])('should call %s %s', (_label, overrides, expected) => {
    expect(asyeAgreementOf(asyeProgramme(overrides))).toBe(expected);
  });
});

describe('assertCanConfirmAsyeOutcome with a second opinion', () => {
  const none: AsyeConfirmationChoice = { outcome: null, reason: null };
  const REASON = 'The observations show the PCF ASYE level.';
  it.each<
    [
      string,
      Partial<AsyeProgrammeFacts>,
      string,
      AsyeConfirmationChoice,
      { outcome: AsyeOutcome; reconciled: boolean } | [string, string],
    ]
  >([
    ['no second opinion', {}, 'psw', none, { outcome: 'PASS', reconciled: false }],
    [
      'no second opinion, naming the outcome recommended',
      {},
      'psw',
      { outcome: 'PASS', reason: null },
      { outcome: 'PASS', reconciled: false },
    ],
    [
      'no second opinion, naming another outcome',
      {},
      'psw',
      { outcome: 'FAIL', reason: REASON },
      ['ASYE_OUTCOME_MISMATCH', 'input.outcome'],
    ],
    [
      'a second opinion awaited',
      { secondOpinion: asked() },
      'psw',
      none,
      ['ASYE_SECOND_OPINION_MISSING', 'input.programmeId'],
    ],
    ['agreement', { secondOpinion: asked('PASS') }, 'psw', none, { outcome: 'PASS', reconciled: false }],
    [
      'agreement, naming another outcome',
      { secondOpinion: asked('PASS') },
      'psw',
      { outcome: 'FAIL', reason: REASON },
      ['ASYE_OUTCOME_MISMATCH', 'input.outcome'],
    ],
    [
      'a disagreement reconciled to the second opinion',
      { secondOpinion: asked('FAIL') },
      'panel-chair',
      { outcome: 'FAIL', reason: REASON },
      { outcome: 'FAIL', reconciled: true },
    ],
    [
      'a disagreement reconciled to the recommendation',
      { secondOpinion: asked('FAIL') },
      'panel-chair',
      { outcome: 'PASS', reason: REASON },
      { outcome: 'PASS', reconciled: true },
    ],
    [
      'a disagreement without an outcome',
      { secondOpinion: asked('FAIL') },
      'psw',
      { outcome: null, reason: REASON },
      ['ASYE_OUTCOME_REQUIRED', 'input.outcome'],
    ],
    [
      'a disagreement without a reason',
      { secondOpinion: asked('FAIL') },
      'psw',
      { outcome: 'PASS', reason: null },
      ['REASONS_REQUIRED', 'input.comment'],
    ],
    [
      'a disagreement with a blank reason',
      { secondOpinion: asked('FAIL') },
      'psw',
      { outcome: 'PASS', reason: '  \n ' },
      ['REASONS_REQUIRED', 'input.comment'],
    ],
    [
      'a disagreement reconciled by the second assessor',
      { secondOpinion: asked('FAIL') },
      'second',
      { outcome: 'FAIL', reason: REASON },
      ['SELF_REVIEW', 'input.programmeId'],
    ],
    [
      'agreement confirmed by the second assessor',
      { secondOpinion: asked('PASS') },
      'second',
      none,
      ['SELF_REVIEW', 'input.programmeId'],
    ],
    [
      'a disagreement reconciled by the assessor',
      { secondOpinion: asked('FAIL') },
      'assessor',
      { outcome: 'PASS', reason: REASON },
      ['SELF_REVIEW', 'input.programmeId'],
    ],
    [
      'a disagreement reconciled by the NQSW',
      { secondOpinion: asked('FAIL') },
      'nqsw',
      { outcome: 'PASS', reason: REASON },
      ['SELF_REVIEW', 'input.programmeId'],
    ],
    [
      'a disagreement already reconciled',
      { secondOpinion: asked('FAIL'), confirmation: CONFIRMED },
      'psw',
      { outcome: 'PASS', reason: REASON },
      ['ASYE_OUTCOME_CONFIRMED', 'input.programmeId'],
    ],
  ])('should judge %s', (_label, overrides, confirmer, choice, expected) => {
    const programme = asyeProgramme({ recommendation: recommended('PASS'), ...overrides });
    let decision: unknown;
    const refusal = refusalOf(() => {
      decision = assertCanConfirmAsyeOutcome(programme, confirmer, choice);
    });
    expect(refusal ? [refusal.code, refusal.field] : decision).toEqual(expected);
  });

  const outcome = fc.constantFrom(...ASYE_OUTCOMES);
  const people = fc.constantFrom('nqsw', 'assessor', 'second', 'psw', 'panel-chair');

  it('should only ever confirm one of the two judgements, and reconcile exactly when they differ', () => {
    fc.assert(
      fc.property(
        outcome,
        fc.option(outcome, { nil: null }),
        people,
        fc.option(outcome, { nil: null }),
        fc.option(fc.string(), { nil: null }),
        (first, second, confirmer, chosen, reason) => {
          const programme = asyeProgramme({
            recommendation: recommended(first),
            secondOpinion: second === null ? null : asked(second),
          });
          try {
            const decision = assertCanConfirmAsyeOutcome(programme, confirmer, { outcome: chosen, reason });
            expect([first, second]).toContain(decision.outcome);
            expect(decision.reconciled).toBe(second !== null && second !== first);
            expect(['nqsw', 'assessor', ...(second === null ? [] : ['second'])]).not.toContain(confirmer);
            if (decision.reconciled) expect(reason?.trim()).toBeTruthy();
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        },
      ),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('should never let the NQSW or either assessor confirm, whatever the judgements', () => {
    fc.assert(
      fc.property(
        outcome,
        fc.option(outcome, { nil: null }),
        fc.constantFrom('nqsw', 'assessor', 'second'),
        outcome,
        (first, second, confirmer, chosen) => {
          const programme = asyeProgramme({
            recommendation: recommended(first),
            secondOpinion: asked(second),
          });
          const refusal = refusalOf(() =>
            assertCanConfirmAsyeOutcome(programme, confirmer, { outcome: chosen, reason: 'Because.' }),
          );
          expect(refusal?.code).toBe('SELF_REVIEW');
        },
      ),
    );
  });
});
