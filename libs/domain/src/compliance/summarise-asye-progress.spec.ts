import { asyeEvidence, asyeProgramme, completeAsyeEvidence } from './asye.test-fixtures.js';
import {
  DEFAULT_ASYE_POLICY,
  type AsyePolicy,
  type AsyeProgrammeFacts,
  type AsyeReviewFacts,
} from './asye.types.js';
import { summariseAsyeProgress as sut } from './summarise-asye-progress.js';

const held = (code: string, heldOn: string): AsyeReviewFacts => ({
  code,
  heldOn,
  assessorComments: 'On track.',
});
const ALL_REVIEWS = [
  held('THREE_MONTH', '2025-04-15'),
  held('SIX_MONTH', '2025-07-15'),
  held('FINAL', '2026-01-15'),
];

describe('summariseAsyeProgress', () => {
  describe('review points', () => {
    it.each<[string, Partial<AsyeProgrammeFacts>, string]>([
      ['2025-03-31', {}, 'UPCOMING'],
      ['2025-04-01', {}, 'DUE_SOON'],
      ['2025-04-15', {}, 'DUE_SOON'],
      ['2025-04-16', {}, 'OVERDUE'],
      ['2025-04-16', { reviews: [held('THREE_MONTH', '2025-04-14')] }, 'RECORDED'],
      ['2025-04-16', { pauses: [{ startsOn: '2025-04-01', endsOn: null, reason: 'SICKNESS' }] }, 'PAUSED'],
    ])('should, on %s, show the 3-month review point %#', (today, overrides, status) => {
      expect(sut(asyeProgramme(overrides), today).reviewPoints[0]).toMatchObject({
        code: 'THREE_MONTH',
        status,
      });
    });

    it('should end the year on the final review’s due date, moved on by pauses', () => {
      const pauses = [{ startsOn: '2025-05-01', endsOn: '2025-05-14', reason: 'BEREAVEMENT' as const }];
      const summary = sut(asyeProgramme({ pauses }), '2025-06-01');
      expect(summary).toMatchObject({ endsOn: '2026-01-29', pausedDays: 14, pausedToday: false });
    });

    it('should count paused days to today while a pause is open', () => {
      const pauses = [{ startsOn: '2025-05-01', endsOn: null, reason: 'PARENTAL_LEAVE' as const }];
      expect(sut(asyeProgramme({ pauses }), '2025-05-10')).toMatchObject({
        endsOn: null,
        pausedDays: 10,
        pausedToday: true,
      });
    });
  });

  describe('required evidence', () => {
    it('should count approved evidence of each kind dated from the start', () => {
      const evidence = [
        asyeEvidence(),
        asyeEvidence(),
        asyeEvidence({ date: '2025-01-15' }),
        asyeEvidence({ date: '2025-01-14' }),
        asyeEvidence({ status: 'SUBMITTED' }),
        asyeEvidence({ status: 'CHANGES_REQUESTED' }),
        asyeEvidence({ kind: 'WRITTEN_REPORT' }),
      ];
      expect(sut(asyeProgramme({ evidence }), '2025-06-01').evidence).toEqual([
        { kind: 'DIRECT_OBSERVATION', required: 3, approved: 3, met: true },
        { kind: 'SERVICE_USER_FEEDBACK', required: 3, approved: 0, met: false },
        { kind: 'PROFESSIONAL_FEEDBACK', required: 3, approved: 0, met: false },
        { kind: 'WRITTEN_REPORT', required: 3, approved: 1, met: false },
      ]);
    });

    it.each([
      ['2025-06-02', false, 'the day before the 6-month window opens (6 weeks before)'],
      ['2025-06-03', true, 'the first day of the window'],
      ['2025-08-12', true, 'the last day of the window (4 weeks after)'],
      ['2025-08-13', false, 'the day after the window'],
    ])('should count a critical reflection dated %s at 6 months: %s (%s)', (date, met, _label) => {
      const evidence = [asyeEvidence({ kind: 'CRITICAL_REFLECTION', date })];
      expect(sut(asyeProgramme({ evidence }), '2025-09-01').criticalReflections[0]).toMatchObject({
        monthsAfterStart: 6,
        windowFrom: '2025-06-03',
        windowTo: '2025-08-12',
        met,
      });
    });

    it('should count one reflection for one point only', () => {
      const evidence = [asyeEvidence({ kind: 'CRITICAL_REFLECTION', date: '2025-07-10', evidenceId: 'r1' })];
      const summary = sut(asyeProgramme({ evidence }), '2026-02-01', policyWithReflectionsAt([6, 6]));
      expect(summary.criticalReflections.map((r) => r.evidenceId)).toEqual(['r1', null]);
    });

    it('should move the reflection windows with pauses', () => {
      const pauses = [{ startsOn: '2025-02-01', endsOn: '2025-02-10', reason: 'SICKNESS' as const }];
      const summary = sut(asyeProgramme({ pauses }), '2025-03-01');
      expect(summary.criticalReflections.map((r) => [r.windowFrom, r.windowTo])).toEqual([
        ['2025-06-13', '2025-08-22'],
        ['2025-12-14', '2026-02-22'],
      ]);
    });

    it('should find the evidence complete with everything the year asks for', () => {
      expect(sut(asyeProgramme({ evidence: completeAsyeEvidence() }), '2026-01-20').evidenceComplete).toBe(
        true,
      );
    });
  });

  describe('protected development time', () => {
    it.each([
      ['2025-01-28', [], 444, 0, false, 'two weeks with none recorded'],
      ['2025-01-28', [{ date: '2025-01-20', minutes: 444 }], 444, 444, true, 'two weeks exactly on target'],
      ['2025-01-28', [{ date: '2025-01-20', minutes: 443 }], 444, 443, false, 'a minute short'],
      [
        '2025-01-28',
        [{ date: '2025-01-29', minutes: 600 }],
        444,
        0,
        false,
        'time recorded after today does not count',
      ],
      ['2025-01-14', [], 0, 0, true, 'before the start'],
      ['2027-01-01', [], 11576, 0, false, 'after the end, the target stops with the year (365 days)'],
    ])(
      'should, on %s, set the target and count %#: %s',
      (today, protectedTime, target, recorded, met, _label) => {
        expect(sut(asyeProgramme({ protectedTime }), today).protectedTime).toEqual({
          targetPercent: 10,
          recordedMinutes: recorded,
          targetMinutesToDate: target,
          met,
        });
      },
    );

    it('should not set a target for paused days', () => {
      const pauses = [{ startsOn: '2025-01-22', endsOn: '2025-01-28', reason: 'SICKNESS' as const }];
      expect(sut(asyeProgramme({ pauses }), '2025-01-28').protectedTime.targetMinutesToDate).toBe(222);
    });
  });

  describe('final recommendation', () => {
    it.each<[string, Partial<AsyeProgrammeFacts>, string, boolean, boolean]>([
      [
        'every review recorded, evidence complete',
        { reviews: ALL_REVIEWS, evidence: completeAsyeEvidence() },
        '2026-01-20',
        true,
        true,
      ],
      ['every review recorded, evidence missing', { reviews: ALL_REVIEWS }, '2026-01-20', true, false],
      [
        'the final review not recorded',
        { reviews: ALL_REVIEWS.slice(0, 2), evidence: completeAsyeEvidence() },
        '2026-01-20',
        false,
        false,
      ],
      [
        'paused',
        {
          reviews: ALL_REVIEWS,
          evidence: completeAsyeEvidence(),
          pauses: [{ startsOn: '2026-01-19', endsOn: null, reason: 'SICKNESS' }],
        },
        '2026-01-20',
        false,
        false,
      ],
      [
        'already recommended',
        {
          reviews: ALL_REVIEWS,
          evidence: completeAsyeEvidence(),
          recommendation: { outcome: 'PASS', recommendedOn: '2026-01-16', assessorUserId: 'assessor' },
        },
        '2026-01-20',
        false,
        false,
      ],
    ])('should, with %s, allow a recommendation %#', (_label, overrides, today, canMake, canPass) => {
      const summary = sut(asyeProgramme(overrides), today);
      expect(summary).toMatchObject({ canMakeFinalRecommendation: canMake, canRecommendPass: canPass });
      expect(summary.recommendationBlockers.length === 0).toBe(canMake);
    });

    it('should say what a PASS still needs', () => {
      const summary = sut(
        asyeProgramme({ reviews: ALL_REVIEWS, evidence: completeAsyeEvidence().slice(1, -1) }),
        '2026-01-20',
      );
      expect(summary.passBlockers).toEqual([
        '2 of 3 pieces of DIRECT_OBSERVATION evidence are approved.',
        'No approved critical reflection is dated between 2025-12-04 and 2026-02-12 (12 months).',
      ]);
    });
  });
});

function policyWithReflectionsAt(atMonths: number[]): AsyePolicy {
  return {
    ...DEFAULT_ASYE_POLICY,
    criticalReflections: { ...DEFAULT_ASYE_POLICY.criticalReflections, atMonths },
  };
}
