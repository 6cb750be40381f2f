import { TRIMMED_CHARACTERS } from './trimmed-characters.js';

describe('TRIMMED_CHARACTERS', () => {
  it('should hold exactly the characters String.prototype.trim() removes, of every code point', () => {
    const trimmed: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates are not characters
      const char = String.fromCodePoint(code);
      if (`a${char}`.trim() === 'a') trimmed.push(code);
    }
    const sut = [...TRIMMED_CHARACTERS].map((c) => c.codePointAt(0)!);
    expect(sut).toEqual(trimmed);
  });
});
