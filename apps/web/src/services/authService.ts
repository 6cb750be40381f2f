import type { Request } from 'express';
import {
  CurrentUserDocument,
  LoginDocument,
  LogoutDocument,
  RefreshTokenDocument,
  type Role,
} from '../data/generated/graphql.js';
import { ApiError } from '../data/apiError.js';
import type { CallContext, GraphqlClient } from '../data/graphqlClient.js';

export interface ApiTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

export interface SignedInUser {
  userId: string;
  fullName: string;
  email: string;
  roles: Role[];
  organisationName: string;
}

declare module 'express-session' {
  interface SessionData {
    tokens?: ApiTokens;
    user?: SignedInUser;
    /** One message for the next page (e.g. "Evidence submitted"). */
    flash?: string;
  }
}

/** Refresh this long before the access token expires, so a request in flight never carries a stale one. */
const REFRESH_MARGIN_MS = 30_000;

/** Signs in and out through the API and keeps the session's API tokens fresh; tokens never leave the web server. */
export class AuthService {
  /** One refresh at a time per session: the API rotates refresh tokens, so a second concurrent refresh would fail. */
  private readonly refreshing = new Map<string, Promise<ApiTokens>>();

  constructor(private readonly api: GraphqlClient) {}

  async signIn(
    email: string,
    password: string,
    ctx: CallContext,
  ): Promise<{ tokens: ApiTokens; user: SignedInUser }> {
    const { login } = await this.api.request(LoginDocument, { input: { email, password } }, ctx);
    const { me } = await this.api.request(
      CurrentUserDocument,
      {},
      { ...ctx, accessToken: login.accessToken },
    );
    return {
      tokens: login,
      user: {
        userId: me.userId,
        fullName: me.user.fullName,
        email: me.user.email,
        roles: me.roles,
        organisationName: me.organisation.name,
      },
    };
  }

  /** Ends the API session (every token issued to it); the web session is destroyed by the caller. */
  async signOut(req: Request, ctx: CallContext): Promise<void> {
    const accessToken = await this.accessToken(req, ctx).catch(() => undefined);
    if (accessToken)
      await this.api.request(LogoutDocument, {}, { ...ctx, accessToken }).catch(() => undefined);
  }

  /** A valid access token for this session, refreshed through the API when it is about to expire. */
  async accessToken(req: Request, ctx: CallContext): Promise<string | undefined> {
    const tokens = req.session.tokens;
    if (!tokens) return undefined;
    if (Date.parse(tokens.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    let pending = this.refreshing.get(req.sessionID);
    if (!pending) {
      pending = this.api
        .request(RefreshTokenDocument, { input: { refreshToken: tokens.refreshToken } }, ctx)
        .then((r) => r.refreshToken)
        .finally(() => this.refreshing.delete(req.sessionID));
      this.refreshing.set(req.sessionID, pending);
    }
    try {
      const fresh = await pending;
      req.session.tokens = fresh;
      return fresh.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
        delete req.session.tokens;
        delete req.session.user;
        return undefined;
      }
      throw error;
    }
  }
}
