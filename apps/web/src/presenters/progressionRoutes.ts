import type { MyProgressionRoutesQuery, ProgressionMechanism } from '../data/generated/graphql.js';

type Route = MyProgressionRoutesQuery['myProgression']['routes'][number];

const HOW_DECIDED: Record<ProgressionMechanism, string> = {
  APPRAISAL: 'This is agreed in your appraisal with your line manager.',
  AUTOMATIC: 'This follows on its own once you meet everything it asks.',
  PANEL: 'A career progression panel decides.',
  RECRUITMENT: 'This is vacancy-led: you apply for a post.',
};

export interface RouteSummary {
  routeKey: string;
  stageName: string;
  eligible: boolean;
  /** "You can move to Social worker now." or "You are 40% of the way to …". */
  headline: string;
  howDecided: string;
  /** What is missing, one sentence each. */
  gaps: string[];
}

/** A route from where the practitioner stands, with its gaps as sentences addressed to them. */
export function presentRoute(route: Route): RouteSummary {
  const stageName = route.toStage?.name ?? route.toStageKey;
  const percent = Math.floor(route.closeness * 100);
  return {
    routeKey: route.routeKey,
    stageName,
    eligible: route.eligible,
    headline: route.eligible
      ? `You meet everything this route asks, so you can move to ${stageName}.`
      : percent > 0
        ? `You are ${percent}% of the way there. To get there you still need to do the following.`
        : 'To get there you still need to do the following.',
    howDecided: HOW_DECIDED[route.mechanism],
    gaps: route.eligible ? [] : route.gaps.flatMap(gapSentences),
  };
}

const NEEDS = /^Needs /;

/**
 * The API's gap phrases ("Needs a verified completed ASYE", "12 more months of post-qualifying
 * experience", "One of: …; or Needs …") as sentences addressed to the practitioner. A gap that
 * lists several shortfalls ("2 more … . 1 more …") becomes one sentence each.
 */
export function gapSentences(gap: string): string[] {
  const text = gap.trim().replace(/[.;\s]+$/, '');
  if (!text) return [];
  if (text.startsWith('One of: ')) {
    const choices = text
      .slice('One of: '.length)
      .split('; or ')
      .map((c) => c.replace(NEEDS, ''));
    return [`You need one of these: ${choices.join('; or ')}.`];
  }
  return text.split(/\.\s+/).map(gapSentence);
}

function gapSentence(phrase: string): string {
  if (NEEDS.test(phrase)) return `You need ${phrase.replace(NEEDS, '')}.`;
  if (/^\d/.test(phrase) || phrase.startsWith('Approved evidence')) return `You need ${lowerFirst(phrase)}.`;
  if (phrase.startsWith('Meet ')) return `You need to ${lowerFirst(phrase)}.`;
  if (phrase.startsWith('Not currently ')) return `You are ${lowerFirst(phrase)}.`;
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}

/** Lower-cases the first letter unless the first word is an acronym (ASYE, CPD). */
function lowerFirst(phrase: string): string {
  return /^[A-Z]{2}/.test(phrase) ? phrase : `${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`;
}
