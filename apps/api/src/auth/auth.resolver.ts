import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service.js';
import { CurrentPrincipal, LeaverAccess, Public } from './auth.decorators.js';
import { LoginInput } from './dto/login.input.js';
import { RefreshTokenInput } from './dto/refresh-token.input.js';
import { AuthPayload } from './models/auth-payload.model.js';
import type { Principal } from './principal.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Sign in with email and password. Rate-limited per account and per address.',
  })
  login(@Args('input') input: LoginInput, @Context('req') req: { ip?: string }): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password, input.organisationId, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchange a refresh token for new tokens (the old one stops working).',
  })
  refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayload> {
    return this.auth.refresh(input.refreshToken);
  }

  @LeaverAccess()
  @Mutation(() => Boolean, { description: 'Sign out: ends this session and every token issued to it.' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.auth.logout(principal.sessionFamilyId);
    return true;
  }
}
