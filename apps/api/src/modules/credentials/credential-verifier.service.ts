import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWTPayload } from 'jose';
import { normaliseVerificationCode, urnOf, type VerificationOutcome } from '#app/domain';
import { IssuedCredentialRepository, SigningKeyRepository } from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { CredentialStatusListsService } from './credential-status-lists.service.js';
import { issuerUrlOf, statusListUrlOf, storedKidOf } from './issuer-urls.js';

/** What the public verify endpoint answers: whether it verified, why not, and who signed what when. */
export interface VerificationResult {
  verified: boolean;
  outcome: VerificationOutcome;
  message: string;
  checkedAt: string;
  /** Present when the signature is genuine (also for an expired credential), never otherwise. */
  credential?: VerifiedCredential;
  /**
   * For REVOKED: when the issuer revoked it (null if the credential's record was since erased and
   * only its status list entry says so). Why it was revoked is never published.
   */
  revokedAt?: string | null;
}

export interface VerifiedCredential {
  id: string;
  keyId: string;
  issuer: { id: string; name: string };
  subject: { name: string | null; registrationNumber: string | null };
  achievement: { name: string; type: string; description: string; alignments: unknown[] };
  signedBy: Record<string, unknown> | null;
  decidedOn: string | null;
  issuedAt: string;
  validUntil: string | null;
}

const MESSAGES: Record<VerificationOutcome, string> = {
  VERIFIED: 'The credential is genuine: it was signed by the issuer named and has not been changed.',
  MALFORMED: 'This is not a credential Pathways can read.',
  UNKNOWN_CODE: 'No credential has this verification code.',
  UNKNOWN_KEY: 'The credential names a signing key that no organisation here holds.',
  SIGNATURE_INVALID: 'The signature does not match: the credential was changed after it was signed.',
  EXPIRED: 'The signature is genuine but the credential has expired.',
  NOT_YET_VALID: 'The signature is genuine but the credential is not valid yet.',
  ISSUER_MISMATCH: 'The credential claims another issuer than the organisation whose key signed it.',
  REVOKED: 'The signature is genuine but the issuer has revoked the credential: it no longer stands.',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Checks credentials for anyone, without signing in: by verification code or the credential itself. */
@Injectable()
export class CredentialVerifierService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeyRepository,
    private readonly credentials: IssuedCredentialRepository,
    private readonly statusLists: CredentialStatusListsService,
    private readonly clock: Clock,
  ) {}

  async verifyCode(code: string): Promise<VerificationResult> {
    const normalised = normaliseVerificationCode(code);
    const found = normalised ? await this.credentials.findByCode(normalised) : null;
    if (!found) return this.result('UNKNOWN_CODE');
    return this.verifyJwt(found.jwt);
  }

  async verifyJwt(jwt: string): Promise<VerificationResult> {
    if (!COMPACT_JWS.test(jwt) || jwt.length > 100_000) return this.result('MALFORMED');
    let kid: unknown;
    let alg: unknown;
    try {
      ({ kid, alg } = decodeProtectedHeader(jwt));
    } catch {
      return this.result('MALFORMED');
    }
    if (typeof kid !== 'string' || kid.length > 300)
      return this.result(typeof kid === 'string' ? 'UNKNOWN_KEY' : 'MALFORMED');
    // A key URL (credentials issued since issuers became resolvable) or a bare key id (older ones).
    const storedKid = storedKidOf(kid);
    if (storedKid.length > 64) return this.result('UNKNOWN_KEY');
    const key = await this.keys.findByKid(storedKid);
    if (!key) return this.result('UNKNOWN_KEY');
    if (alg !== key.algorithm) return this.result('SIGNATURE_INVALID');
    const publicKey = await importJWK(key.publicJwk, key.algorithm);
    try {
      const { payload } = await jwtVerify(jwt, publicKey, {
        algorithms: [key.algorithm],
        // Older credentials name the issuer as urn:uuid:<organisation>; newer ones by its Profile URL.
        issuer: [urnOf(key.organisationId), issuerUrlOf(this.config.publicBaseUrl, key.organisationId)],
        currentDate: this.clock.now(),
      });
      return this.genuine('VERIFIED', payload, storedKid, key.organisationId);
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        return this.genuine('EXPIRED', error.payload, storedKid, key.organisationId);
      }
      if (error instanceof errors.JWTClaimValidationFailed) {
        if (error.claim === 'nbf') {
          return this.genuine('NOT_YET_VALID', error.payload, storedKid, key.organisationId);
        }
        if (error.claim === 'iss') return this.result('ISSUER_MISMATCH');
        return this.result('MALFORMED');
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) return this.result('SIGNATURE_INVALID');
      return this.result('MALFORMED');
    }
  }

  private result(
    outcome: VerificationOutcome,
    credential?: VerifiedCredential,
    revokedAt?: Date | null,
  ): VerificationResult {
    return {
      verified: outcome === 'VERIFIED',
      outcome,
      message: MESSAGES[outcome],
      checkedAt: this.clock.now().toISOString(),
      ...(credential ? { credential } : {}),
      ...(revokedAt !== undefined ? { revokedAt: revokedAt?.toISOString() ?? null } : {}),
    };
  }

  /** A genuine signature: what the credential says, unless the issuer has revoked it since. */
  private async genuine(
    outcome: VerificationOutcome,
    payload: JWTPayload,
    kid: string,
    organisationId: string,
  ): Promise<VerificationResult> {
    const credential = describe(payload, kid);
    if (!credential) return this.result('MALFORMED');
    const revocation = await this.revocationOf(payload, organisationId);
    return revocation.revoked
      ? this.result('REVOKED', credential, revocation.revokedAt)
      : this.result(outcome, credential);
  }

  /**
   * Revoked, by the credential's record here (which every credential has, including those issued
   * before status lists, whose tokens carry no credentialStatus) or by its status list entry
   * (which outlives a record erased on request).
   */
  private async revocationOf(
    payload: JWTPayload,
    organisationId: string,
  ): Promise<{ revoked: boolean; revokedAt: Date | null }> {
    const vc = obj(payload.vc);
    const urn = str(vc?.id) ?? '';
    const credentialId = urn.startsWith('urn:uuid:') ? urn.slice('urn:uuid:'.length) : '';
    if (UUID.test(credentialId)) {
      const revokedAt = await this.credentials.findRevokedAt(organisationId, credentialId);
      if (revokedAt) return { revoked: true, revokedAt };
    }
    const status = obj(vc?.credentialStatus);
    const listUrl = str(status?.statusListCredential) ?? '';
    const prefix = statusListUrlOf(this.config.publicBaseUrl, organisationId, '');
    const listId = listUrl.startsWith(prefix) ? listUrl.slice(prefix.length) : '';
    const index = Number(str(status?.statusListIndex) ?? NaN);
    if (status?.statusPurpose === 'revocation' && UUID.test(listId) && Number.isInteger(index)) {
      if (await this.statusLists.isRevoked(organisationId, listId, index)) {
        return { revoked: true, revokedAt: null };
      }
    }
    return { revoked: false, revokedAt: null };
  }
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The signed claims a verifier may show: names, achievement, sign-off; never evidence text (none is signed). */
function describe(payload: JWTPayload, kid: string): VerifiedCredential | null {
  const vc = obj(payload.vc);
  const issuer = obj(vc?.issuer);
  const subject = obj(vc?.credentialSubject);
  const achievement = obj(subject?.achievement);
  if (!vc || !issuer || !subject || !achievement) return null;
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier.map(obj) : [];
  const identity = (type: string) =>
    str(identifiers.find((i) => i?.identityType === type)?.identityHash ?? null);
  const evidence = Array.isArray(vc.evidence) ? obj(vc.evidence[0]) : null;
  return {
    id: str(vc.id) ?? '',
    keyId: kid,
    issuer: { id: str(issuer.id) ?? '', name: str(issuer.name) ?? '' },
    subject: { name: identity('name'), registrationNumber: identity('identifier') },
    achievement: {
      name: str(achievement.name) ?? '',
      type: str(achievement.achievementType) ?? '',
      description: str(achievement.description) ?? '',
      alignments: Array.isArray(achievement.alignment) ? achievement.alignment : [],
    },
    signedBy: obj(evidence?.signedBy),
    decidedOn: str(evidence?.decidedOn),
    issuedAt: str(vc.validFrom) ?? '',
    validUntil: str(vc.validUntil),
  };
}
