import { formatDate } from '../../middleware/nunjucksSetup.js';
import { addDays } from './dates.js';

export interface MembershipState {
  /** For the status tag. */
  label: 'Active' | 'Leaving' | 'Left';
  tagClass: string;
  /** One plain-English sentence about access and the records kept, or null for an ordinary member. */
  sentence: string | null;
  /** The first day the organisation may erase the person: the end day plus the leaver retention period. */
  erasableFrom: string | null;
}

/**
 * Where a member stands as a leaver: an end set ahead is "Leaving"; from the end day they have
 * left and keep only their own records for the organisation's leaver retention period.
 */
export function membershipState(
  member: { active: boolean; endsOn: string | null },
  today: string,
  leaverRetentionDays: number,
): MembershipState {
  if (!member.endsOn)
    return member.active
      ? { label: 'Active', tagClass: 'govuk-tag--green', sentence: null, erasableFrom: null }
      : {
          label: 'Left',
          tagClass: 'govuk-tag--grey',
          sentence: 'They have left and can no longer sign in to this organisation.',
          erasableFrom: null,
        };
  const erasableFrom = addDays(member.endsOn, leaverRetentionDays);
  if (member.active && member.endsOn > today)
    return {
      label: 'Leaving',
      tagClass: 'govuk-tag--yellow',
      sentence: `Their membership ends on ${formatDate(member.endsOn)}. From then they keep only their own records; from ${formatDate(erasableFrom)} the organisation may erase them.`,
      erasableFrom,
    };
  return {
    label: 'Left',
    tagClass: 'govuk-tag--grey',
    sentence:
      erasableFrom > today
        ? `Their membership ended on ${formatDate(member.endsOn)}. They keep only their own records; from ${formatDate(erasableFrom)} the organisation may erase them.`
        : `Their membership ended on ${formatDate(member.endsOn)}. The leaver retention period is over: since ${formatDate(erasableFrom)} their records may be erased.`,
    erasableFrom,
  };
}

/** Whether an assessor relationship is in force today, yet to start, or over. */
export function relationshipState(
  relationship: { startsOn: string; endsOn: string | null },
  today: string,
): { label: 'Current' | 'Not started' | 'Ended'; tagClass: string; canEnd: boolean } {
  if (relationship.startsOn > today)
    return { label: 'Not started', tagClass: 'govuk-tag--blue', canEnd: true };
  if (relationship.endsOn && relationship.endsOn < today)
    return { label: 'Ended', tagClass: 'govuk-tag--grey', canEnd: false };
  return { label: 'Current', tagClass: 'govuk-tag--green', canEnd: true };
}
