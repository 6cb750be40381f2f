import { addDays } from '../calendar/add-days.js';
import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';

export interface OpenSpell {
  id: string;
  stageKey: string;
  from: IsoDate;
}

export interface StageMove {
  /** Spells to end, with their last day. */
  close: { id: string; to: IsoDate }[];
  /** The spell to open. */
  enter: { stageKey: string; from: IsoDate };
}

/**
 * How a practitioner's stage history changes when they enter `enteringStageKey` on `on`: the spells
 * of `leavingStageKeys` end the day before (or on `on` itself when they began that day, so no spell
 * ends before it starts), and other stages held stay open: someone can be a social worker and a
 * practice educator at once. Entering a stage already held is refused.
 */
export function planStageMove(input: {
  openSpells: readonly OpenSpell[];
  enteringStageKey: string;
  leavingStageKeys: readonly string[] | 'ALL';
  on: IsoDate;
}): StageMove {
  if (input.openSpells.some((s) => s.stageKey === input.enteringStageKey)) {
    throw new DomainError(
      'STAGE_ALREADY_HELD',
      'The practitioner already holds this stage.',
      'input.stageKey',
      { stageKey: input.enteringStageKey },
    );
  }
  const leaving = (s: OpenSpell) =>
    input.leavingStageKeys === 'ALL' || input.leavingStageKeys.includes(s.stageKey);
  const dayBefore = addDays(input.on, -1);
  return {
    close: input.openSpells
      .filter(leaving)
      .map((s) => ({ id: s.id, to: s.from > dayBefore ? s.from : dayBefore })),
    enter: { stageKey: input.enteringStageKey, from: input.on },
  };
}
