import type { AsyeReviewPointStatus, AsyeStatus, EvidenceKind } from '../data/generated/graphql.js';
import { formatDate } from '../middleware/nunjucksSetup.js';
import { formatMinutes } from './supervisionStanding.js';

const STATUS: Record<AsyeStatus, string> = {
  IN_PROGRESS: 'In progress',
  PAUSED: 'Paused',
  AWAITING_CONFIRMATION: 'Recommendation made, waiting for confirmation',
  PASSED: 'Passed',
  FAILED: 'Not passed',
};

const REVIEW_POINT: Record<string, string> = {
  THREE_MONTH: '3-month review',
  SIX_MONTH: '6-month review',
  FINAL: 'Final review',
};

const TAG: Record<AsyeReviewPointStatus, { text: string; classes: string }> = {
  RECORDED: { text: 'Held', classes: 'govuk-tag--green' },
  DUE_SOON: { text: 'Due soon', classes: 'govuk-tag--yellow' },
  OVERDUE: { text: 'Overdue', classes: 'govuk-tag--red' },
  UPCOMING: { text: 'Upcoming', classes: 'govuk-tag--grey' },
  PAUSED: { text: 'On hold', classes: 'govuk-tag--grey' },
};

const EVIDENCE: Partial<Record<EvidenceKind, string>> = {
  DIRECT_OBSERVATION: 'Direct observations of your practice',
  SERVICE_USER_FEEDBACK: 'Feedback from people who use services',
  PROFESSIONAL_FEEDBACK: 'Feedback from other professionals',
  WRITTEN_REPORT: 'Written reports',
  CRITICAL_REFLECTION: 'Critical reflections',
};

export interface ReviewPointInput {
  code: string;
  dueOn?: string | null;
  heldOn?: string | null;
  status: AsyeReviewPointStatus;
}

export function asyeStatusText(status: AsyeStatus): string {
  return STATUS[status];
}

export function reviewPointName(code: string): string {
  return REVIEW_POINT[code] ?? code;
}

/** Where one review point stands, in a sentence, with the tag to show beside it. */
export function presentReviewPoint(point: ReviewPointInput): {
  name: string;
  when: string;
  tag: { text: string; classes: string };
} {
  const due = formatDate(point.dueOn);
  const when =
    point.status === 'RECORDED'
      ? `Held on ${formatDate(point.heldOn)}.`
      : point.status === 'PAUSED' || !due
        ? 'On hold while your ASYE is paused; the date moves on by the days paused.'
        : point.status === 'OVERDUE'
          ? `Overdue: it was due on ${due}. Talk to your assessor about arranging it.`
          : `Due on ${due}.`;
  return { name: reviewPointName(point.code), when, tag: TAG[point.status] };
}

/** The first review point not yet held, as one line for the home page; null when all are held. */
export function nextReviewPointSentence(points: readonly ReviewPointInput[]): string | null {
  const next = points.find((p) => p.status !== 'RECORDED');
  if (!next) return null;
  const { name, when } = presentReviewPoint(next);
  return `Your next review point is the ${name.charAt(0).toLowerCase()}${name.slice(1)}. ${when}`;
}

export function evidenceKindName(kind: EvidenceKind): string {
  return EVIDENCE[kind] ?? kind;
}

/** "3 hours 20 minutes of the 49 hours 41 minutes you should have had by now (10% of your time)". */
export function protectedTimeSentence(t: {
  recordedMinutes: number;
  targetMinutesToDate: number;
  targetPercent: number;
}): string {
  return `${formatMinutes(t.recordedMinutes)} recorded, of the ${formatMinutes(t.targetMinutesToDate)} you should have had by now (${t.targetPercent}% of your working time).`;
}
