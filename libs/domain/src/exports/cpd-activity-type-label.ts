import type { CpdActivityType } from '../portfolio/portfolio.types.js';

const LABELS: Record<CpdActivityType, string> = {
  TRAINING: 'Training',
  E_LEARNING: 'E-learning',
  READING_OR_RESEARCH: 'Reading or research',
  PODCAST_OR_WEBINAR: 'Podcast or webinar',
  SHADOWING: 'Shadowing',
  SUPERVISION: 'Supervision',
  FEEDBACK: 'Feedback',
  PROJECT_WORK: 'Project work',
  TEACHING_OR_PRESENTING: 'Teaching or presenting',
  CONFERENCE: 'Conference',
  ASYE_WORK: 'ASYE work',
  OTHER: 'Other',
};

/** The words a person would type into the regulator's form for a type of CPD. */
export function cpdActivityTypeLabel(type: CpdActivityType): string {
  return LABELS[type];
}
