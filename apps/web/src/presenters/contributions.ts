import type { ContributionLinkState, ContributorRole, Regulator } from '../data/generated/graphql.js';
import { REGULATOR_NAMES } from './admin/roleNames.js';

/** Who can be asked for feedback, in the words the practitioner and the contributor read. */
export const CONTRIBUTOR_ROLES: { value: ContributorRole; text: string; hint: string }[] = [
  {
    value: 'PERSON_WHO_USES_SERVICES',
    text: 'A person who uses services',
    hint: 'Someone the social worker has worked with',
  },
  {
    value: 'CARER',
    text: 'A carer or family member',
    hint: 'Someone who cares for a person the social worker has worked with',
  },
  {
    value: 'PROFESSIONAL',
    text: 'Another professional',
    hint: 'For example a nurse, teacher or police officer',
  },
  {
    value: 'PRACTICE_EDUCATOR',
    text: 'An off-site practice educator',
    hint: 'A registered social worker who assesses students on placement',
  },
];

export const isContributorRole = (value: string): value is ContributorRole =>
  CONTRIBUTOR_ROLES.some((r) => r.value === value);

/** The role as a sentence takes it after "as": "another professional", "a carer or family member". */
export function contributorRoleWithArticle(role: ContributorRole): string {
  const name = CONTRIBUTOR_ROLES.find((r) => r.value === role)?.text ?? role;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function contributorRoleName(role: ContributorRole): string {
  const name = CONTRIBUTOR_ROLES.find((r) => r.value === role)?.text ?? role;
  return name.replace(/^(A|An) /, '').replace(/^./, (c) => c.toLowerCase());
}

/** A request's state as a GOV.UK tag. */
export function linkStateTag(state: ContributionLinkState): { text: string; classes: string } {
  switch (state) {
    case 'PENDING':
      return { text: 'Waiting', classes: 'govuk-tag--blue' };
    case 'USED':
      return { text: 'Received', classes: 'govuk-tag--green' };
    case 'EXPIRED':
      return { text: 'Expired', classes: 'govuk-tag--grey' };
    case 'REVOKED':
      return { text: 'Withdrawn', classes: 'govuk-tag--grey' };
  }
}

/** Who gave contributed feedback, in one line: "Pat Carer, a carer or family member". */
export function originText(origin: {
  contributorName: string;
  contributorRole: ContributorRole;
  regulator?: Regulator | null;
  registrationNumber?: string | null;
}): string {
  const role =
    CONTRIBUTOR_ROLES.find((r) => r.value === origin.contributorRole)?.text ?? origin.contributorRole;
  const registration =
    origin.regulator && origin.registrationNumber
      ? ` (registered with ${REGULATOR_NAMES[origin.regulator]}, ${origin.registrationNumber})`
      : '';
  return `${origin.contributorName}, ${role.charAt(0).toLowerCase()}${role.slice(1)}${registration}`;
}

/** The API's QR code SVG, named for assistive technology (it repeats the link printed beside it). */
export function labelledQrCode(svg: string): string {
  return svg.replace(
    /^<svg\b/,
    '<svg role="img" aria-label="QR code of the link printed below" focusable="false"',
  );
}
