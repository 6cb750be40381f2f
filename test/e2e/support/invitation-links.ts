/** Operations of the invitation flow, as the e2e tests send them. */
export const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      fullName
      roles
      teamId
      status
      expiresAt
      expired
      resendCount
      createdAt
    }
  }
`;
export const ACCEPT = /* GraphQL */ `
  mutation Accept($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      organisationId
      userId
      membershipId
      roles
    }
  }
`;
export const ACCEPT_AS_MEMBER = /* GraphQL */ `
  mutation AcceptAsMember($input: AcceptInvitationAsMemberInput!) {
    acceptInvitationAsMember(input: $input) {
      organisationId
      userId
      membershipId
      roles
    }
  }
`;

/** The token in an emailed link (the message is quoted-printable: soft breaks and `=3D`). */
export const tokenIn = (message: string) =>
  /accept\?token=([A-Za-z0-9_-]{43})/.exec(message.replace(/=\n/g, '').replace(/=3D/g, '='))?.[1];

/** The token of the latest invitation emailed to `email`, from the messages the loopback server kept. */
export function latestTokenFor(messages: string[], email: string): string {
  const message = messages.findLast((m) => m.includes(`To: ${email}`));
  const token = message && tokenIn(message);
  if (!token) throw new Error(`no invitation link was emailed to ${email}`);
  return token;
}
