import fc from 'fast-check';
import { isValidNhsNumber as sut } from './is-valid-nhs-number.js';

/** Check digit by the NHS modulus-11 rule, written independently of the code under test. */
function checkDigit(nine: readonly number[]): number | null {
  const remainder = nine.reduce((sum, digit, i) => sum + digit * (10 - i), 0) % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === 10 ? null : check;
}

describe('isValidNhsNumber', () => {
  it.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['4010232137', true],
    ['9434765918', false],
    ['1234567890', false],
    ['943476591', false],
    ['94347659190', false],
    ['943 476 591X', false],
    ['', false],
  ])('should say %j is %s', (value, expected) => {
    expect(sut(value)).toBe(expected);
  });

  it('should accept exactly the one check digit the modulus-11 rule gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 9 }),
        (nine, last) => {
          expect(sut([...nine, last].join(''))).toBe(checkDigit(nine) === last);
        },
      ),
    );
  });
});
