import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '#app/domain';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'pathways:isPublic';
export const REQUIRED_ROLES = 'pathways:requiredRoles';
export const LEAVER_ACCESS = 'pathways:leaverAccess';

/** Opts an operation out of authentication (login, health). Everything else is denied without a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Open to a person who has left the organisation, within its retention period: operations on
 * their own records only (their portfolio PDF, CPD log, credentials, subject access archive).
 * Everything else is refused to leavers, and leavers hold no roles.
 */
export const LeaverAccess = () => SetMetadata(LEAVER_ACCESS, true);

/** The caller needs at least one of these roles in their organisation. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req
    : context.switchToHttp().getRequest<RequestWithPrincipal>();
}

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  id?: unknown;
  principal?: Principal;
}

/** The authenticated caller (the guard has already refused anonymous requests). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public operation');
  return principal;
});
