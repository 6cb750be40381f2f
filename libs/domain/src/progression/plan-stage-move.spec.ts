import { planStageMove } from './plan-stage-move.js';

describe('planStageMove', () => {
  const spells = [
    { id: 'sw', stageKey: 'SOCIAL_WORKER', from: '2023-01-01' },
    { id: 'pe', stageKey: 'PRACTICE_EDUCATOR', from: '2025-06-01' },
  ];

  it('should end the stage left the day before and keep a parallel role open', () => {
    expect(
      planStageMove({
        openSpells: spells,
        enteringStageKey: 'EXPERIENCED',
        leavingStageKeys: ['SOCIAL_WORKER'],
        on: '2026-03-01',
      }),
    ).toEqual({
      close: [{ id: 'sw', to: '2026-02-28' }],
      enter: { stageKey: 'EXPERIENCED', from: '2026-03-01' },
    });
  });

  it('should end every open stage when told to', () => {
    expect(
      planStageMove({
        openSpells: spells,
        enteringStageKey: 'TEAM_MANAGER',
        leavingStageKeys: 'ALL',
        on: '2026-03-01',
      }).close,
    ).toEqual([
      { id: 'sw', to: '2026-02-28' },
      { id: 'pe', to: '2026-02-28' },
    ]);
  });

  it('should never end a spell before it began (a move on the day it started)', () => {
    const move = planStageMove({
      openSpells: [{ id: 'x', stageKey: 'NQSW', from: '2026-03-01' }],
      enteringStageKey: 'SOCIAL_WORKER',
      leavingStageKeys: ['NQSW'],
      on: '2026-03-01',
    });
    expect(move.close).toEqual([{ id: 'x', to: '2026-03-01' }]);
  });

  it('should refuse entering a stage already held', () => {
    expect(() =>
      planStageMove({
        openSpells: spells,
        enteringStageKey: 'SOCIAL_WORKER',
        leavingStageKeys: [],
        on: '2026-03-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'STAGE_ALREADY_HELD', field: 'input.stageKey' }));
  });
});
