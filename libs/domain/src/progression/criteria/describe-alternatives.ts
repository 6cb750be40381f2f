import type { CriterionOutcome } from '../progression.types.js';

const NEEDS = 'Needs ';

/**
 * The gap of an unmet ANY_OF in words, naming its choices: "Needs a verified AMHP qualification or
 * a verified BIA qualification" when every choice is a "Needs …" gap, otherwise each choice's own gap
 * ("One of: 12 more months of post-qualifying experience; or Needs a verified completed ASYE"). An
 * ALL_OF choice reads as its unmet parts joined by "and", so a nested group never reads as a count.
 * Choices are listed in text order, so the wording does not depend on the order the PSW gave them.
 */
export function describeAlternatives(choices: readonly CriterionOutcome[]): string {
  const gaps = choices.map(choiceGap).sort(byText);
  if (gaps.length === 1) return gaps[0];
  if (gaps.every((g) => g.startsWith(NEEDS) && !g.includes('; or '))) {
    return NEEDS + joinOr(gaps.map((g) => g.slice(NEEDS.length)));
  }
  return `One of: ${gaps.join('; or ')}`;
}

function choiceGap(choice: CriterionOutcome): string {
  if (choice.type === 'ALL_OF' && !choice.met) {
    const parts = choice.children
      .filter((c) => !c.met)
      .map(choiceGap)
      .sort(byText);
    if (parts.length > 0) return parts.join(' and ');
  }
  return choice.gap ?? choice.label;
}

/** "a", "a or b", "a, b or c". */
function joinOr(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
