import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, membershipStanding, type Role } from '#app/domain';
import { MembershipRepository } from '#app/persistence';
import { AccessTokenService } from './access-token.service.js';
import { Clock } from '../common/clock.js';
import { IS_PUBLIC, LEAVER_ACCESS, REQUIRED_ROLES, requestOf } from './auth.decorators.js';
import { OidcTokenVerifier } from './oidc-token.verifier.js';
import { hasAnyRole, isLeaver, type Principal } from './principal.js';

/**
 * The global guard: deny by default. Every operation needs a valid bearer token
 * from a current member of the organisation named in the token, unless marked
 * @Public(); @Roles() narrows it further. Roles are read from the database on
 * each request, so a revoked role or a sign-out takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
    private readonly oidc: OidcTokenVerifier,
    private readonly memberships: MembershipRepository,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = requestOf(context);
    req.principal ??= await this.authenticate(req.headers);
    if (isLeaver(req.principal) && !this.reflector.getAllAndOverride<boolean>(LEAVER_ACCESS, targets)) {
      throw new DomainError(
        'LEAVER_ACCESS_ONLY',
        `You have left this organisation: until ${req.principal.leaverAccessUntil} you may download only your own records.`,
      );
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !hasAnyRole(req.principal, required)) {
      throw new ForbiddenException();
    }
    return true;
  }

  private async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal> {
    const header = headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw new UnauthorizedException();
    const token = match[1]!;
    const claims = this.oidc.handles(token)
      ? await this.oidc.verify(token, headers)
      : await this.accessTokens.verify(token);
    const membership = await this.memberships.findPrincipal(
      claims.organisationId,
      claims.userId,
      claims.sessionFamilyId,
    );
    const standing = membership && membershipStanding(membership, this.clock.today());
    if (!membership || !standing || standing.kind === 'ENDED')
      throw new DomainError('TOKEN_INVALID', 'This sign-in is no longer valid for the organisation');
    const dates = {
      membershipEndsOn: standing.endsOn,
      leaverAccessUntil: standing.accessUntil,
    };
    // A leaver acts only as themselves: no role of the organisation's stays with them.
    return standing.kind === 'LEAVER'
      ? { ...claims, ...dates, roles: [], teamId: null }
      : { ...claims, ...dates, roles: membership.roles, teamId: membership.teamId };
  }
}
