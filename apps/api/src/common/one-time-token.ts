import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens that a link carries once (invitations, contribution requests): 256 random bits,
 * base64url (43 characters). Only their SHA-256 is stored, so a copy of the database opens nothing.
 */
export const newOneTimeToken = () => randomBytes(32).toString('base64url');

/** SHA-256 of a token, hex: all that is stored of it. */
export const hashOneTimeToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a one-time token looks like; anything else is refused before a look-up. */
export const ONE_TIME_TOKEN = /^[A-Za-z0-9_-]{43}$/;
