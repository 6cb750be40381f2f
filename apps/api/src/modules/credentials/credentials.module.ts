import { Module } from '@nestjs/common';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { CredentialIssuerService } from './credential-issuer.service.js';
import { CredentialRevocationService } from './credential-revocation.service.js';
import { CredentialStatusListsService } from './credential-status-lists.service.js';
import { CredentialVerifierService } from './credential-verifier.service.js';
import { CredentialsResolver } from './credentials.resolver.js';
import { CredentialsService } from './credentials.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import { VerifyController } from './verify.controller.js';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard.js';

/**
 * Verifiable sign-offs: organisations' signing keys, issuing and revoking credentials, status
 * lists, public verification.
 */
@Module({
  imports: [PortfolioModule],
  controllers: [VerifyController],
  providers: [
    SigningKeysService,
    CredentialStatusListsService,
    CredentialIssuerService,
    CredentialRevocationService,
    CredentialVerifierService,
    CredentialsService,
    CredentialsResolver,
    VerifyRateLimitGuard,
  ],
  exports: [CredentialIssuerService, CredentialRevocationService],
})
export class CredentialsModule {}
