/**
 * Where an organisation's issuer Profile and public keys are served. The issuer id is this URL
 * (Open Badges 3.0 allows an https URL serving a Profile), and a credential's `kid` is the URL of
 * the signing key's JWK, so a verifier that holds only the token can fetch both.
 */
export const issuerUrlOf = (publicBaseUrl: string, organisationId: string) =>
  `${publicBaseUrl}/issuers/${organisationId}`;

export const keyUrlOf = (publicBaseUrl: string, organisationId: string, kid: string) =>
  `${issuerUrlOf(publicBaseUrl, organisationId)}/keys/${kid}`;

/** The stored key id named by a `kid` header: the last segment of a key URL, or the bare id of older credentials. */
export function storedKidOf(kid: string): string {
  const slash = kid.lastIndexOf('/');
  return slash >= 0 ? kid.slice(slash + 1) : kid;
}

/** Where one of the organisation's status lists (a signed BitstringStatusListCredential) is served. */
export const statusListUrlOf = (publicBaseUrl: string, organisationId: string, listId: string) =>
  `${issuerUrlOf(publicBaseUrl, organisationId)}/status-lists/${listId}`;
