import { createHash } from 'node:crypto';

export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.example';
export const syntheticEmail = (orgNo: number, local: string) =>
  `${local}@org${String(orgNo).padStart(3, '0')}.${SYNTHETIC_EMAIL_DOMAIN}`;
export const syntheticSlug = (orgNo: number) => `synthetic-${String(orgNo).padStart(3, '0')}`;

/** A deterministic UUID (version-4 shaped) for a name within the data set. */
export function idFor(namespace: string, ...parts: (string | number)[]): string {
  const hex = createHash('md5')
    .update(`${namespace}:${parts.join(':')}`)
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
