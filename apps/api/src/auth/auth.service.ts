import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, membershipStanding } from '#app/domain';
import {
  AuthSessionRepository,
  MembershipRepository,
  OrganisationRepository,
  UserRepository,
} from '#app/persistence';
import { Clock } from '../common/clock.js';
import { AccessTokenService } from './access-token.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordHasher } from './password-hasher.js';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
  organisationId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const INVALID = () => new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly rateLimiter: LoginRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Organisations the person may sign in to today: current memberships (oldest first), then those
   * they have left and are within the retention period of.
   */
  private async signInMemberships(userId: string, manager?: EntityManager) {
    const today = this.clock.today();
    const judged = (await this.memberships.findSignInCandidates(userId, manager)).map((m) => ({
      m,
      kind: membershipStanding(m, today).kind,
    }));
    return [...judged.filter((j) => j.kind === 'CURRENT'), ...judged.filter((j) => j.kind === 'LEAVER')].map(
      (j) => j.m,
    );
  }

  /**
   * Email and password sign-in. Every failure says the same thing, whether the
   * email exists or not, and takes the same time (a decoy hash is verified).
   */
  async login(
    email: string,
    password: string,
    organisationId: string | undefined,
    address: string,
  ): Promise<IssuedTokens> {
    // Reserved before the hash: every attempt counts, and only a success gives it back.
    await this.rateLimiter.reserveAttempt(email, address);
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) throw INVALID();
    const memberships = await this.signInMemberships(user.id);
    let membership: (typeof memberships)[number] | undefined = memberships[0];
    if (organisationId) {
      membership = memberships.find((m) => m.organisationId === organisationId);
      // Say as little as for a wrong password: membership is not disclosed.
      if (!membership) throw INVALID();
    }
    if (!membership) throw INVALID();
    await this.rateLimiter.recordSuccess(email, address);
    return this.issue(user.id, membership.organisationId, randomUUID());
  }

  /** Rotates the refresh token. Presenting an already-rotated token revokes the whole sign-in. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findByTokenHashForUpdate(hashToken(refreshToken), manager);
      if (!session) return { error: new DomainError('TOKEN_INVALID', 'Refresh token is not valid') };
      if (session.revokedAt) {
        await this.sessions.revokeFamily(session.familyId, now, manager);
        return { error: new DomainError('TOKEN_INVALID', 'Refresh token is not valid') };
      }
      if (session.expiresAt <= now)
        return { error: new DomainError('SESSION_EXPIRED', 'Sign-in has expired') };
      const member = (await this.signInMemberships(session.userId, manager)).find(
        (m) => m.organisationId === session.organisationId,
      );
      if (!member) return { error: new DomainError('TOKEN_INVALID', 'Refresh token is not valid') };
      await this.sessions.revoke(session.id, now, manager);
      return { tokens: await this.issue(session.userId, session.organisationId, session.familyId, manager) };
    });
    // The family revocation above must commit even though the caller gets an error.
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  async logout(sessionFamilyId: string | null): Promise<void> {
    if (sessionFamilyId) await this.sessions.revokeFamily(sessionFamilyId, new Date());
  }

  private async issue(
    userId: string,
    organisationId: string,
    familyId: string,
    manager = this.dataSource.manager,
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    await this.sessions.insert(
      {
        organisationId,
        userId,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAt: refreshTokenExpiresAt,
      },
      manager,
    );
    const access = await this.accessTokens.sign({ userId, organisationId, sessionFamilyId: familyId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      userId,
      organisationId,
    };
  }
}
