import type { MyProgressionRoutesQuery } from '../data/generated/graphql.js';
import { gapSentences, presentRoute } from './progressionRoutes.js';

type Route = MyProgressionRoutesQuery['myProgression']['routes'][number];

function route(overrides: Partial<Route>): Route {
  return {
    routeKey: 'NQSW_TO_SOCIAL_WORKER',
    eligible: false,
    closeness: 0,
    mechanism: 'AUTOMATIC',
    toStageKey: 'SOCIAL_WORKER',
    toStage: { name: 'Social worker' },
    gaps: [],
    outcome: {
      type: 'ALL_OF',
      label: 'All of these',
      met: false,
      gap: null,
      progress: { current: 0, required: 1, unit: 'CRITERIA' },
      children: [],
    },
    ...overrides,
  } as Route;
}

describe('gapSentences', () => {
  it.each([
    ['Needs a verified completed ASYE', ['You need a verified completed ASYE.']],
    ['Needs to hold the stage Practice educator', ['You need to hold the stage Practice educator.']],
    [
      '12 more months of post-qualifying experience',
      ['You need 12 more months of post-qualifying experience.'],
    ],
    [
      '1 more month in the current stage (Social worker)',
      ['You need 1 more month in the current stage (Social worker).'],
    ],
    [
      'Approved evidence for 2 more items of the KSS',
      ['You need approved evidence for 2 more items of the KSS.'],
    ],
    ['Meet both of these criteria', ['You need to meet both of these criteria.']],
    ['Not currently in the stage Social worker', ['You are not currently in the stage Social worker.']],
    ['No date of qualifying is recorded', ['No date of qualifying is recorded.']],
    ['CPD compliance is not known yet', ['CPD compliance is not known yet.']],
    [
      'One of: 12 more months of post-qualifying experience; or Needs a verified completed ASYE',
      ['You need one of these: 12 more months of post-qualifying experience; or a verified completed ASYE.'],
    ],
    [
      '2 more approved pieces at Advanced level or above in each of: Rights, Justice and Economic Wellbeing; Professional Leadership. ' +
        '1 more approved piece at Advanced level or above in Diversity and Equality',
      [
        'You need 2 more approved pieces at Advanced level or above in each of: Rights, Justice and Economic Wellbeing; Professional Leadership.',
        'You need 1 more approved piece at Advanced level or above in Diversity and Equality.',
      ],
    ],
  ])('should turn "%s" into a sentence addressed to the practitioner', (gap, expected) => {
    expect(gapSentences(gap)).toEqual(expected);
  });

  it('should not double a full stop the API already wrote, and should drop empty gaps', () => {
    expect(gapSentences('Needs a verified completed ASYE.')).toEqual(['You need a verified completed ASYE.']);
    expect(gapSentences('  ')).toEqual([]);
  });

  it('should keep an acronym that starts a phrase in capitals', () => {
    expect(gapSentences('ASYE evidence for 2 more items')).toEqual(['ASYE evidence for 2 more items.']);
  });
});

describe('presentRoute', () => {
  it('should say what is missing and how the move is decided for a route not yet open', () => {
    const sut = presentRoute(
      route({ gaps: ['Needs a verified completed ASYE'], closeness: 0.42, mechanism: 'PANEL' }),
    );
    expect(sut).toEqual({
      routeKey: 'NQSW_TO_SOCIAL_WORKER',
      stageName: 'Social worker',
      eligible: false,
      headline: 'You are 42% of the way there. To get there you still need to do the following.',
      howDecided: 'A career progression panel decides.',
      gaps: ['You need a verified completed ASYE.'],
    });
  });

  it('should leave out the percentage when nothing is met yet', () => {
    expect(presentRoute(route({ closeness: 0 })).headline).toBe(
      'To get there you still need to do the following.',
    );
  });

  it('should say plainly that an eligible practitioner can move, with no gaps', () => {
    const sut = presentRoute(route({ eligible: true, closeness: 1, mechanism: 'RECRUITMENT', gaps: [] }));
    expect(sut.headline).toBe('You meet everything this route asks, so you can move to Social worker.');
    expect(sut.howDecided).toBe('This is vacancy-led: you apply for a post.');
    expect(sut.gaps).toEqual([]);
  });

  it('should fall back on the stage key when the stage is not in the published version', () => {
    expect(presentRoute(route({ toStage: null })).stageName).toBe('SOCIAL_WORKER');
  });
});
