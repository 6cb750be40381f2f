import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';
import { MembershipRepository, UserRepository } from '#app/persistence';
import type { AccessClaims } from './access-token.service.js';

export const ORGANISATION_HEADER = 'x-pathways-organisation';

/**
 * Accepts ID/access tokens from the organisation's own OpenID Connect issuer
 * (OIDC_ISSUER_URL + OIDC_AUDIENCE). Keys come from the issuer's published JWKS.
 * The token's verified `email` names the Pathways account; a person in several
 * organisations picks one with the x-pathways-organisation header.
 */
@Injectable()
export class OidcTokenVerifier {
  private jwks?: Promise<JWTVerifyGetKey>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  handles(token: string): boolean {
    const oidc = this.config.auth.oidc;
    if (!oidc) return false;
    try {
      return decodeJwt(token).iss === oidc.issuerUrl;
    } catch {
      return false;
    }
  }

  private keys(issuerUrl: string): Promise<JWTVerifyGetKey> {
    this.jwks ??= (async () => {
      const discovery = await fetch(
        new URL('.well-known/openid-configuration', issuerUrl.endsWith('/') ? issuerUrl : `${issuerUrl}/`),
      );
      if (!discovery.ok) throw new Error(`OIDC discovery answered ${discovery.status}`);
      const { jwks_uri } = (await discovery.json()) as { jwks_uri?: string };
      if (!jwks_uri) throw new Error('OIDC discovery document has no jwks_uri');
      return createRemoteJWKSet(new URL(jwks_uri));
    })().catch((error: unknown) => {
      this.jwks = undefined;
      throw error;
    });
    return this.jwks;
  }

  async verify(token: string, headers: Record<string, string | string[] | undefined>): Promise<AccessClaims> {
    const oidc = this.config.auth.oidc!;
    let email: unknown;
    try {
      const { payload } = await jwtVerify(token, await this.keys(oidc.issuerUrl), {
        issuer: oidc.issuerUrl,
        audience: oidc.audience,
        // An ID token always has one; without it jose would accept the token for ever.
        requiredClaims: ['exp'],
      });
      if (payload.email_verified === false) throw new Error('email not verified');
      email = payload.email;
    } catch {
      throw new DomainError('TOKEN_INVALID', 'Identity provider token is not valid');
    }
    const user = typeof email === 'string' ? await this.users.findByEmail(email) : null;
    if (!user) throw new DomainError('TOKEN_INVALID', 'No Pathways account for this identity');
    const wanted = headers[ORGANISATION_HEADER];
    const memberships = await this.memberships.findActiveForUserAcrossOrganisations(user.id);
    const membership =
      typeof wanted === 'string' ? memberships.find((m) => m.organisationId === wanted) : memberships[0];
    if (!membership) throw new DomainError('NOT_A_MEMBER', 'Not a member of that organisation');
    return { userId: user.id, organisationId: membership.organisationId, sessionFamilyId: null };
  }
}
