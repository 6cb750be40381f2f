import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';

const ISSUER = 'pathways';
const AUDIENCE = 'pathways-api';

export interface AccessClaims {
  userId: string;
  organisationId: string;
  /** Null for tokens from an external identity provider (no Pathways session behind them). */
  sessionFamilyId: string | null;
}

/** Short-lived HS256 access tokens (jose). Roles are not in the token: they are read per request. */
@Injectable()
export class AccessTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async sign(
    claims: AccessClaims & { sessionFamilyId: string },
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.config.auth.accessTokenTtlSeconds) * 1000);
    const token = await new SignJWT({ org: claims.organisationId, sid: claims.sessionFamilyId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      // Its own id: a refresh within the same second would otherwise give a byte-identical token.
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.config.auth.jwtSecret);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.config.auth.jwtSecret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        // jose checks `exp` only when present: a token without one would never expire.
        requiredClaims: ['exp'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.org !== 'string' ||
        typeof payload.sid !== 'string'
      ) {
        throw new DomainError('TOKEN_INVALID', 'Access token is not valid');
      }
      return { userId: payload.sub, organisationId: payload.org, sessionFamilyId: payload.sid };
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new DomainError('SESSION_EXPIRED', 'Access token has expired');
      if (error instanceof DomainError) throw error;
      throw new DomainError('TOKEN_INVALID', 'Access token is not valid');
    }
  }
}
