import { DomainError } from '../errors.js';
import { assertIdentifiersConfirmed, scanForIdentifiers } from './scan-for-identifiers.js';

// 943 476 5919 passes the NHS number check; 943 476 5918 does not.
const NHS = 'Seen with NHS no. 943 476 5919 today';
const NHS_AT = { kind: 'NHS_NUMBER', start: 18, end: 30 };

describe('scanForIdentifiers', () => {
  it('should name the field of each warning, in the order the fields were given', () => {
    expect(
      scanForIdentifiers([
        ['comment', 'Call 07700 900123'],
        ['mappings[0].rationale', NHS],
        ['mappings[1].rationale', 'Nothing here'],
      ]),
    ).toEqual([
      { field: 'comment', kind: 'PHONE_NUMBER', start: 5, end: 17 },
      { field: 'mappings[0].rationale', ...NHS_AT },
    ]);
  });

  it('should keep every warning of one field', () => {
    expect(scanForIdentifiers([['statement', `${NHS}; mum on 07700 900123`]])).toEqual([
      { field: 'statement', ...NHS_AT },
      { field: 'statement', kind: 'PHONE_NUMBER', start: 45, end: 57 },
    ]);
  });

  it.each([null, undefined, ''])('should skip a field that is %j', (text) => {
    expect(scanForIdentifiers([['comment', text]])).toEqual([]);
  });

  it('should find nothing in clean text or an NHS-shaped number that fails the check', () => {
    expect(scanForIdentifiers([['comment', 'NHS number 943 476 5918, good reflection']])).toEqual([]);
    expect(scanForIdentifiers([])).toEqual([]);
  });
});

describe('assertIdentifiersConfirmed', () => {
  function refusal(run: () => void): DomainError {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('should refuse unconfirmed text with IDENTIFIERS_DETECTED naming the first field at fault', () => {
    const error = refusal(() =>
      assertIdentifiersConfirmed(
        [
          ['comment', 'Fine'],
          ['mappingDecisions[1].comment', NHS],
          ['reasons', 'jane@example.org'],
        ],
        false,
      ),
    );
    expect(error.code).toBe('IDENTIFIERS_DETECTED');
    expect(error.field).toBe('input.mappingDecisions[1].comment');
    expect(error.meta).toEqual({
      warnings: [
        { field: 'mappingDecisions[1].comment', ...NHS_AT },
        { field: 'reasons', kind: 'EMAIL', start: 0, end: 16 },
      ],
    });
  });

  it('should never repeat the matched text in the error', () => {
    const error = refusal(() => assertIdentifiersConfirmed([['notes', NHS]], false));
    expect(JSON.stringify({ message: error.message, meta: error.meta })).not.toMatch(/943|5919/);
  });

  it('should use the prefix given for the field', () => {
    expect(refusal(() => assertIdentifiersConfirmed([['notes', NHS]], false, 'args')).field).toBe(
      'args.notes',
    );
  });

  it('should accept text with warnings once the writer confirmed nobody can be identified, returning them', () => {
    expect(assertIdentifiersConfirmed([['comment', NHS]], true)).toEqual([{ field: 'comment', ...NHS_AT }]);
  });

  it('should accept clean or absent text without confirmation, with nothing to confirm', () => {
    expect(
      assertIdentifiersConfirmed(
        [
          ['comment', 'Clear evidence of ASYE-level practice.'],
          ['reasons', null],
        ],
        false,
      ),
    ).toEqual([]);
  });
});
