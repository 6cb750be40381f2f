import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { OidcTokenVerifier } from './oidc-token.verifier.js';
import { PasswordHasher } from './password-hasher.js';

@Module({
  providers: [
    AccessTokenService,
    AuthService,
    AuthResolver,
    LoginRateLimiter,
    OidcTokenVerifier,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher],
})
export class AuthModule {}
