import { Router, type Request } from 'express';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiError } from '../data/apiError.js';
import type { CallContext } from '../data/graphqlClient.js';
import type { Services } from '../services/index.js';

declare module 'express-session' {
  interface SessionData {
    /** Learnt on the home page: whether to offer the ASYE page in the navigation. */
    inAsye?: boolean;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Runs one typed operation as the signed-in person (token refreshed when due). */
    api<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
    /** The same context, for the API's plain HTTP routes. */
    callContext(): Promise<CallContext>;
  }
}

/** Paths open without signing in. */
const PUBLIC = [
  /^\/sign-in$/,
  /^\/assets\//,
  /^\/accessibility$/,
  /^\/invitations\/accept$/,
  // A contributor giving feedback by one-time link has no account.
  /^\/contribute\/[^/]+$/,
];

export function setUpCurrentUser(services: Services): Router {
  const router = Router();
  router.use((req, res, next) => {
    const anonymous = (): CallContext => ({ requestId: req.requestId, clientIp: req.ip });
    req.callContext = async () => {
      const accessToken = await services.auth.accessToken(req, anonymous());
      if (!accessToken) throw new ApiError('Sign in again', 'UNAUTHENTICATED', undefined, [], undefined, 401);
      return { ...anonymous(), accessToken };
    };
    req.api = async (document, variables) =>
      services.graphql.request(document, variables, await req.callContext());
    res.locals.user = req.session.user;
    res.locals.currentPath = req.path;
    if (req.session.user)
      res.locals.navigation = navigationFor(req.session.user.roles, req.path, {
        inAsye: req.session.inAsye,
      });
    if (req.session.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    if (req.session.user || PUBLIC.some((p) => p.test(req.path))) return next();
    return res.redirect(
      303,
      `/sign-in${req.method === 'GET' && req.originalUrl !== '/' ? `?returnTo=${encodeURIComponent(req.originalUrl)}` : ''}`,
    );
  });
  return router;
}

export function hasRole(req: Request, ...roles: string[]): boolean {
  return req.session.user?.roles.some((r) => roles.includes(r)) ?? false;
}

/** Those who review others' evidence: ASYE assessors, practice educators, supervisors. */
export const REVIEWER_ROLES = ['ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR'];
/** Members, invitations and relationships: administrators, and PSWs for what the API lets them do. */
const ADMINISTRATION_ROLES = ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER'];
/** Who the API lets give a second opinion on an ASYE (GIVE_ASYE_SECOND_OPINION). */
const SECOND_OPINION_ROLES = ['ASSESSOR', 'PRINCIPAL_SOCIAL_WORKER'];
/** Who the API lets read workforceInsight. */
export const INSIGHT_ROLES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'];

/** The service navigation: the practitioner's pages, and the reviewer's for those who review. */
export function navigationFor(
  roles: string[],
  path: string,
  { inAsye = false }: { inAsye?: boolean } = {},
): { href: string; text: string; active: boolean }[] {
  const items: { href: string; text: string; section?: string }[] = [
    { href: '/', text: 'Where I stand' },
    { href: '/evidence', text: 'My evidence' },
    ...(inAsye ? [{ href: '/asye', text: 'My ASYE' }] : []),
    { href: '/supervision', text: 'Supervision' },
    ...(roles.includes('PRACTITIONER') ? [{ href: '/my-progression', text: 'My progression' }] : []),
    ...(roles.some((r) => REVIEWER_ROLES.includes(r))
      ? [
          { href: '/reviews', text: 'Reviews' },
          { href: '/my-practitioners', text: 'My practitioners' },
        ]
      : []),
    ...(roles.some((r) => SECOND_OPINION_ROLES.includes(r))
      ? [{ href: '/second-opinions', text: 'Second opinions' }]
      : []),
    { href: '/notifications', text: 'Notifications' },
    ...(roles.some((r) => INSIGHT_ROLES.includes(r))
      ? [{ href: '/insight', text: 'Workforce insight' }]
      : []),
    ...(roles.includes('PRINCIPAL_SOCIAL_WORKER') ? [{ href: '/progression', text: 'Progression' }] : []),
    ...(roles.includes('PRINCIPAL_SOCIAL_WORKER') ? [{ href: '/pathways', text: 'Pathways' }] : []),
    ...(roles.includes('PRINCIPAL_SOCIAL_WORKER') ? [{ href: '/moderation', text: 'Moderation' }] : []),
    ...(roles.some((r) => ADMINISTRATION_ROLES.includes(r))
      ? [{ href: '/admin/members', text: 'Administration', section: '/admin/' }]
      : []),
  ];
  return items.map(({ section, ...i }) => ({
    ...i,
    active: i.href === '/' ? path === '/' : path.startsWith(section ?? i.href),
  }));
}
