import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { decodeJwt } from 'jose';
import type { IssuedCredentialEntity } from '#app/persistence';
import { CurrentPrincipal, LeaverAccess, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CredentialsService } from './credentials.service.js';
import { CredentialIssuerService } from './credential-issuer.service.js';
import { CredentialRevocationService } from './credential-revocation.service.js';
import { CredentialsArgs } from './dto/credentials.args.js';
import { IssueCredentialInput } from './dto/issue-credential.input.js';
import { RevokeCredentialInput } from './dto/revoke-credential.input.js';
import { IssuedCredential, SigningKeyRotation } from './models/credential.model.js';

@Resolver(() => IssuedCredential)
export class CredentialsResolver {
  constructor(
    private readonly issuer: CredentialIssuerService,
    private readonly service: CredentialsService,
    private readonly revocation: CredentialRevocationService,
  ) {}

  @LeaverAccess()
  @Query(() => [IssuedCredential], {
    description: 'Credentials issued about a practitioner, newest first: yours, or (as a PSW) anyone’s here.',
  })
  async credentials(@CurrentPrincipal() principal: Principal, @Args() args: CredentialsArgs) {
    const rows = await this.service.forPractitioner(principal, args.practitionerUserId ?? principal.userId);
    return rows.map((c) => this.toModel(c));
  }

  @Mutation(() => IssuedCredential, {
    description:
      'Issue a signed credential for an approved sign-off, a stage awarded on application or a verified qualification (yours, or as a PSW anyone’s); asking again returns the same credential.',
  })
  async issueCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: IssueCredentialInput,
  ) {
    return this.toModel(await this.issuer.issue(principal, input.kind, input.sourceId));
  }

  @Mutation(() => IssuedCredential, {
    description:
      'Revoke a credential (a PSW, or the person who made the decision it attests), saying why: its status list entry is set, so verifiers holding it learn it no longer stands. Revoking twice is a CONFLICT.',
  })
  async revokeCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RevokeCredentialInput,
  ) {
    return this.toModel(await this.revocation.revoke(principal, input));
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => SigningKeyRotation, {
    description:
      'Retire the organisation’s credential signing key and make a new one (ORG_ADMIN). Credentials signed with the old key still verify.',
  })
  rotateCredentialSigningKey(@CurrentPrincipal() principal: Principal) {
    return this.service.rotate(principal);
  }

  private toModel(c: IssuedCredentialEntity): IssuedCredential {
    return {
      id: c.id,
      kind: c.kind,
      sourceId: c.sourceId,
      subjectUserId: c.subjectUserId,
      verificationCode: c.verificationCode,
      verifyUrl: this.issuer.verifyUrl(c.verificationCode),
      jwt: c.jwt,
      keyId: c.kid,
      issuedAt: c.issuedAt,
      validUntil: c.validUntil,
      credential: decodeJwt(c.jwt).vc as Record<string, unknown>,
      revokedAt: c.revokedAt,
      revocationReason: c.revocationReason,
      revocationNote: c.revocationNote,
    };
  }
}
