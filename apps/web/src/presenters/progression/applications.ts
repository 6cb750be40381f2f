import type { ApplicationStatus } from '../../data/generated/graphql.js';

export interface StatusTag {
  text: string;
  classes: string;
}

const STATUS_TAGS: Record<ApplicationStatus, StatusTag> = {
  OPEN: { text: 'Waiting for a decision', classes: 'govuk-tag--blue' },
  APPROVED: { text: 'Approved', classes: 'govuk-tag--green' },
  DEFERRED: { text: 'Deferred', classes: 'govuk-tag--yellow' },
  DECLINED: { text: 'Declined', classes: 'govuk-tag--red' },
  WITHDRAWN: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

export function applicationStatusTag(status: ApplicationStatus): StatusTag {
  return STATUS_TAGS[status];
}

/** A stage's name from its key, the key in words when the pathway no longer has it. */
export function stageNamer(stages: readonly { key: string; name: string }[]): (key: string) => string {
  const names = new Map(stages.map((s) => [s.key, s.name]));
  return (key) => names.get(key) ?? sentenceCase(key);
}

/** "NQSW_TO_SOCIAL_WORKER" with its stages → "Newly qualified social worker to Social worker". */
export function routeName(
  route: { fromStageKey: string; toStageKey: string },
  stageName: (key: string) => string,
): string {
  return `${stageName(route.fromStageKey)} to ${stageName(route.toStageKey)}`;
}

/** "EXPERIENCED_SOCIAL_WORKER" → "Experienced social worker"; acronyms such as NQSW stay as they are. */
export function sentenceCase(key: string): string {
  const words = key
    .split('_')
    .map((w) => (w.length <= 4 && /^[A-Z]+$/.test(w) && !/[AEIOU]/.test(w) ? w : w.toLowerCase()));
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

/** The decision radio's word as the flash message says it. */
export const DECISION_DONE: Record<'APPROVE' | 'DEFER' | 'DECLINE', string> = {
  APPROVE: 'approved',
  DEFER: 'deferred',
  DECLINE: 'declined',
};
