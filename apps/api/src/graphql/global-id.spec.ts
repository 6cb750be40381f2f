import { NODE_TYPE_NAMES, parseGlobalId, toGlobalId } from './global-id.js';

const UUID = '3f2b8c1e-9a4d-4e7f-8b2a-1c5d6e7f8a9b';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('toGlobalId', () => {
  it('should encode "<TypeName>:<uuid>" as unpadded base64url', () => {
    const sut = toGlobalId('Evidence', UUID);

    expect(sut).toBe(b64(`Evidence:${UUID}`));
    expect(sut).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('should give different ids to the same uuid under different types', () => {
    expect(toGlobalId('Pathway', UUID)).not.toBe(toGlobalId('PathwayVersion', UUID));
  });
});

describe('parseGlobalId', () => {
  it.each(NODE_TYPE_NAMES)('should read back what toGlobalId wrote for %s', (typeName) => {
    expect(parseGlobalId(toGlobalId(typeName, UUID))).toEqual({ typeName, uuid: UUID });
  });

  it.each([
    ['a bare uuid', UUID],
    ['an empty string', ''],
    ['an unknown type', b64(`Organisation:${UUID}`)],
    ['a type in other letter case', b64(`evidence:${UUID}`)],
    ['no colon', b64(`Evidence${UUID}`)],
    ['no uuid', b64('Evidence:')],
    ['a uuid that is not one', b64('Evidence:not-a-uuid')],
    ['an upper-case uuid (not the canonical spelling)', b64(`Evidence:${UUID.toUpperCase()}`)],
    ['a uuid with text after it', b64(`Evidence:${UUID}:1`)],
    ['a uuid with a space before it', b64(`Evidence: ${UUID}`)],
    ['padding', `${b64(`Member:${UUID}`)}=`],
    ['characters outside base64url', `${toGlobalId('Member', UUID).slice(0, -1)}*`],
    [
      'another last character (spare bits set, or other text)',
      `${toGlobalId('Evidence', UUID).slice(0, -1)}x`,
    ],
    ['something very long', 'A'.repeat(10_000)],
    ['a NUL in the text', b64(`Evidence\u0000:${UUID}`)],
  ])('should read %s as no id at all', (_case, globalId) => {
    expect(parseGlobalId(globalId)).toBeNull();
  });
});
