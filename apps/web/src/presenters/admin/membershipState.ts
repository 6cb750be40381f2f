import { formatDate } from '../../middleware/nunjucksSetup.js';
import { addDays } from './dates.js';

export interface MembershipState {
  /** For the status tag. */
  label: 'Active' | 'Leaving' | 'Left';
  tagClass: string;
  /** One plain-English sentence about access and the records kept, or null for an ordinary member. */
  sentence: string | null;
  /** The day after which the organisation may erase the person (end day plus the leaver retention period). */
  retainedUntil: string | null;
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
      ? { label: 'Active', tagClass: 'govuk-tag--green', sentence: null, retainedUntil: null }
      : {
          label: 'Left',
          tagClass: 'govuk-tag--grey',
          sentence: 'They have left and can no longer sign in to this organisation.',
          retainedUntil: null,
        };
  const retainedUntil = addDays(member.endsOn, leaverRetentionDays);
  if (member.active && member.endsOn > today)
    return {
      label: 'Leaving',
      tagClass: 'govuk-tag--yellow',
      sentence: `Their membership ends on ${formatDate(member.endsOn)}. From then they keep only their own records, until ${formatDate(retainedUntil)}.`,
      retainedUntil,
    };
  return {
    label: 'Left',
    tagClass: 'govuk-tag--grey',
    sentence:
      retainedUntil > today
        ? `Their membership ended on ${formatDate(member.endsOn)}. They keep only their own records, until ${formatDate(retainedUntil)}.`
        : `Their membership ended on ${formatDate(member.endsOn)}. The leaver retention period ended on ${formatDate(retainedUntil)}: their records may be erased.`,
    retainedUntil,
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
