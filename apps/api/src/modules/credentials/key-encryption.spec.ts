import { KeyEncryption } from './key-encryption.js';

describe('KeyEncryption', () => {
  const sut = new KeyEncryption(new TextEncoder().encode('a-secret-of-at-least-thirty-two-chars'));

  it('should open what it sealed for the same organisation and key id', () => {
    const sealed = sut.seal('org-1', 'kid-1', '{"d":"secret"}');
    expect(sealed).not.toContain('secret');
    expect(sut.open('org-1', 'kid-1', sealed)).toBe('{"d":"secret"}');
  });

  it.each([
    ['another organisation', 'org-2', 'kid-1'],
    ['another key id', 'org-1', 'kid-2'],
  ])('should not open a key moved to %s', (_, organisationId, kid) => {
    const sealed = sut.seal('org-1', 'kid-1', 'x');
    expect(sut.open(organisationId, kid, sealed)).toBeNull();
  });

  it('should not open under another secret', () => {
    const other = new KeyEncryption(new TextEncoder().encode('another-secret-of-thirty-two-chars!!'));
    expect(other.open('org-1', 'kid-1', sut.seal('org-1', 'kid-1', 'x'))).toBeNull();
  });
});
