import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { UuidParam } from '../../graphql/uuid-param.js';
import { CredentialStatusListsService } from './credential-status-lists.service.js';
import { CredentialVerifierService } from './credential-verifier.service.js';
import { VerifyCredentialBody } from './dto/verify-credential.body.js';
import { SigningKeysService } from './signing-keys.service.js';
import { renderVerifyPage } from './verify-page.js';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard.js';

/**
 * Public verification, no sign-in: a new employer checks a verification code or a whole credential
 * and learns who signed what and when. The answer is always 200 with `verified` and the reason;
 * evidence text is never part of a credential, so it is never part of the answer. Limited per
 * client address (VerifyRateLimitGuard).
 */
@Controller()
@UseGuards(VerifyRateLimitGuard)
export class VerifyController {
  constructor(
    private readonly verifier: CredentialVerifierService,
    private readonly keys: SigningKeysService,
    private readonly statusLists: CredentialStatusListsService,
  ) {}

  @Public()
  @Get('verify/:code')
  async byCode(@Param('code') code: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.verifier.verifyCode(code.slice(0, 40));
    // A person following a printed link gets a page; API clients (and no Accept) get JSON.
    res.vary('Accept');
    if (req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html');
      return renderVerifyPage(result);
    }
    return result;
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  byCredential(@Body() body: VerifyCredentialBody) {
    return body.credential !== undefined
      ? this.verifier.verifyJwt(body.credential.trim())
      : this.verifier.verifyCode(body.code!);
  }

  /** The issuer's Open Badges 3.0 Profile: what a credential's `issuer.id` (and the JWT's `iss`) resolve to. */
  @Public()
  @Get('issuers/:organisationId')
  profile(@UuidParam('organisationId') organisationId: string) {
    return this.keys.issuerProfile(organisationId);
  }

  /** One public key as a JWK: what a credential's `kid` header dereferences to. */
  @Public()
  @Get('issuers/:organisationId/keys/:kid')
  async key(@UuidParam('organisationId') organisationId: string, @Param('kid') kid: string) {
    const { keys } = await this.keys.publicKeySet(organisationId);
    const found = keys.find((k) => k.kid === kid);
    if (!found) throw new NotFoundException('No such key for this issuer.');
    return found;
  }

  /**
   * A revocation list as a signed BitstringStatusListCredential (VC-JWT): what a credential's
   * `credentialStatus.statusListCredential` names. Every entry, revoked or not, is in one list, so
   * fetching it says nothing about which credential is being checked.
   */
  @Public()
  @Get('issuers/:organisationId/status-lists/:listId')
  async statusList(
    @UuidParam('organisationId') organisationId: string,
    @UuidParam('listId') listId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const jwt = await this.statusLists.published(organisationId, listId);
    if (!jwt) throw new NotFoundException('No such status list for this issuer.');
    // Short caching: a revocation shows within a minute, and a verifier need not ask every time.
    res.type('application/jwt').setHeader('Cache-Control', 'public, max-age=60');
    return jwt;
  }

  /** The organisation's public keys (active and retired), for verifiers who check signatures themselves. */
  @Public()
  @Get('issuers/:organisationId/jwks.json')
  jwks(@UuidParam('organisationId') organisationId: string) {
    return this.keys.publicKeySet(organisationId);
  }
}
