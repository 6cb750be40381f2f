import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const SALT = 'pathways/credential-signing-key/kek/v1';

/**
 * Encrypts organisations' private signing keys at rest: AES-256-GCM under a key-encryption key
 * derived (HKDF-SHA256) from the configured secret and the organisation's id, with the key id as
 * associated data, so a sealed key moved to another row or organisation does not open.
 */
export class KeyEncryption {
  constructor(private readonly secret: Uint8Array) {}

  seal(organisationId: string, kid: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek(organisationId), iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or `null` when the sealed key does not open under this secret. */
  open(organisationId: string, kid: string, sealed: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.kek(organisationId),
        Buffer.from(iv, 'base64url'),
      );
      decipher.setAAD(Buffer.from(kid, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return null;
    }
  }

  private kek(organisationId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.secret, SALT, organisationId, 32));
  }
}
