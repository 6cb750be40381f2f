import type { ProgressionMechanism } from '../../data/generated/graphql.js';

/** How a route's move is decided, in a few words for a table cell. */
export const HOW_DECIDED_BRIEFLY: Record<ProgressionMechanism, string> = {
  APPRAISAL: 'Agreed in appraisal',
  AUTOMATIC: 'Follows once met',
  PANEL: 'Career progression panel',
  RECRUITMENT: 'Applying for a post',
};
