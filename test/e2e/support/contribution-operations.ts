/** Operations of feedback by one-time link (issue #17), as the e2e and browser tests send them. */
export const REQUEST_CONTRIBUTION = /* GraphQL */ `
  mutation ($input: RequestContributionInput!) {
    requestContribution(input: $input) {
      emailed
      link
      qrCodeSvg
      request {
        id
        evidenceId
        evidenceVersionId
        purpose
        contributorName
        contributorEmail
        contributorRole
        state
        expiresAt
      }
    }
  }
`;
export const REVOKE_CONTRIBUTION = /* GraphQL */ `
  mutation ($input: RevokeContributionRequestInput!) {
    revokeContributionRequest(input: $input) {
      id
      state
      revokedAt
    }
  }
`;
export const CONTRIBUTION_REQUESTS = /* GraphQL */ `
  query ($evidenceId: ID!) {
    contributionRequests(evidenceId: $evidenceId) {
      id
      state
      contributorName
      resultingEvidenceId
      usedAt
    }
  }
`;
export const BY_TOKEN = /* GraphQL */ `
  query ($token: String!) {
    contributionRequestByToken(token: $token) {
      practitionerFirstName
      evidenceTitle
      contributorName
      contributorRole
      expiresAt
    }
  }
`;
export const SUBMIT_CONTRIBUTION = /* GraphQL */ `
  mutation ($input: SubmitContributionInput!) {
    submitContribution(input: $input) {
      practitionerFirstName
      receivedAt
    }
  }
`;

/** The token in an emailed contribution link (the message is quoted-printable: soft breaks). */
export const contributionTokenIn = (message: string) =>
  /\/contribute\/([A-Za-z0-9_-]{43})/.exec(message.replace(/=\n/g, '').replace(/=3D/g, '='))?.[1];

/** What a countersignature link shows: the approved version and its decision. */
export const BY_TOKEN_WITH_DECISION = /* GraphQL */ `
  query ($token: String!) {
    contributionRequestByToken(token: $token) {
      practitionerFirstName
      evidenceTitle
      purpose
      contributorName
      contributorRole
      decision {
        description
        learning
        impact
        outcome
        reviewerName
        decidedOn
        comment
        mappings {
          item
          levelClaimed
          decision
          levelAccepted
        }
      }
    }
  }
`;
export const SUBMIT_COUNTERSIGNATURE = /* GraphQL */ `
  mutation ($input: SubmitCountersignatureInput!) {
    submitCountersignature(input: $input) {
      practitionerFirstName
      receivedAt
    }
  }
`;
