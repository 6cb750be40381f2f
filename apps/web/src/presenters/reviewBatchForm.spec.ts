import {
  batchFormFieldOf,
  choiceProblemText,
  pieceOutcome,
  readChosenPieces,
  readPostedPieces,
  type BatchItem,
} from './reviewBatchForm.js';

const E1 = '11111111-1111-4111-8111-111111111111';
const V1 = '22222222-2222-4222-8222-222222222222';
const E2 = '33333333-3333-4333-8333-333333333333';
const V2 = '44444444-4444-4444-8444-444444444444';

describe('readChosenPieces', () => {
  it('should read one ticked piece or several, each once, in the order ticked', () => {
    expect(readChosenPieces(`${E1}:${V1}`)).toEqual({ pieces: [{ evidenceId: E1, versionId: V1 }] });
    expect(readChosenPieces([`${E2}:${V2}`, `${E1}:${V1}`, `${E2}:${V2}`])).toEqual({
      pieces: [
        { evidenceId: E2, versionId: V2 },
        { evidenceId: E1, versionId: V1 },
      ],
    });
  });

  it.each([
    ['nothing ticked', undefined],
    ['only values that are not pieces', ['x', `${E1}`, `${E1}:${V1}:extra`, { a: 1 }]],
  ])('should ask to choose when %s', (_label, value) => {
    expect(readChosenPieces(value)).toEqual({ pieces: [], problem: 'none' });
  });

  it('should refuse more than 50 pieces', () => {
    const many = Array.from(
      { length: 51 },
      (_, i) => `${E1}:${V1.slice(0, -2)}${String(i).padStart(2, '0')}`,
    );
    expect(readChosenPieces(many)).toEqual({ pieces: [], problem: 'too-many' });
    expect(readChosenPieces(many.slice(0, 50)).pieces).toHaveLength(50);
  });

  it('should give the words for a choice problem, and nothing for anything else', () => {
    expect(choiceProblemText('none')).toBe('Choose the pieces of evidence you want to review');
    expect(choiceProblemText('too-many')).toBe('Choose 50 pieces or fewer to review at once');
    expect(choiceProblemText('toString')).toBeUndefined();
    expect(choiceProblemText(['none'])).toBeUndefined();
  });
});

describe('readPostedPieces', () => {
  it('should read each posted piece with the revision read, whether the body holds an array or an object', () => {
    const first = { evidenceId: E1, versionId: V1, revision: '3', outcome: 'APPROVE' };
    const second = { evidenceId: E2, versionId: V2, revision: 'x' };
    const expected = [
      { evidenceId: E1, versionId: V1, revision: 3, body: first },
      { evidenceId: E2, versionId: V2, revision: null, body: second },
    ];
    expect(readPostedPieces({ pieces: [first, second] })).toEqual(expected);
    expect(readPostedPieces({ pieces: { 0: first, 1: second } })).toEqual(expected);
  });

  it('should drop a piece with ids that are not ids, and a piece posted twice', () => {
    const ok = { evidenceId: E1, versionId: V1, revision: '1' };
    expect(
      readPostedPieces({
        pieces: [ok, { evidenceId: 'x', versionId: V2 }, ok, 'text', { evidenceId: [E2] }],
      }),
    ).toEqual([{ evidenceId: E1, versionId: V1, revision: 1, body: ok }]);
    expect(readPostedPieces({})).toEqual([]);
  });
});

describe('batchFormFieldOf', () => {
  it.each([
    ['input.reviews[1].comment', 'pieces.1.comment'],
    ['input.reviews.1.comment', 'pieces.1.comment'],
    ['input.reviews[0].outcome', 'pieces.0.outcome'],
    ['input.reviews[0].mappingDecisions[1].levelCode', 'pieces.0.decisions.2.level'],
    ['input.reviews.0.mappingDecisions.0.comment', 'pieces.0.decisions.0.comment'],
    ['input.reviews[1].expectedRevision', 'pieces.1.comment'],
    ['input.reviews', 'pieces.0.outcome'],
    [undefined, 'pieces.0.outcome'],
  ])('should place a refusal about %s at %s', (apiField, formField) => {
    expect(batchFormFieldOf(apiField, [[0, 2], [1]])).toBe(formField);
  });
});

describe('pieceOutcome', () => {
  const href = `/reviews/${E1}/versions/${V1}`;
  const refused = (domainCode: string, code = 'CONFLICT'): BatchItem => ({
    evidenceVersionId: V1,
    version: null,
    refusal: {
      code,
      domainCode,
      message: 'The reviewer cannot sign off this decision.',
      field: 'input.reviews[0]',
    },
  });

  it.each([
    ['APPROVED', 'Approved'],
    ['CHANGES_REQUESTED', 'Changes requested'],
  ] as const)('should say a piece %s was decided', (status, text) => {
    const item: BatchItem = { evidenceVersionId: V1, version: { id: V1, status, title: 'T' }, refusal: null };
    expect(pieceOutcome(item, href)).toEqual({ decided: true, text });
  });

  it('should say a stale piece changed since it was opened, linking to review it again', () => {
    expect(pieceOutcome(refused('STALE_VERSION'), href)).toEqual({
      decided: false,
      text: 'Not decided: it changed since you opened it: review it again',
      reviewAgainHref: href,
    });
  });

  it('should say a piece decided meanwhile or no longer theirs is no longer waiting, without a link', () => {
    for (const code of ['INVALID_TRANSITION', 'EVIDENCE_NOT_FOUND']) {
      expect(pieceOutcome(refused(code, 'NOT_FOUND'), href)).toEqual({
        decided: false,
        text: 'Not decided: it is no longer waiting for your decision',
      });
    }
  });

  it('should give any other refusal in the API’s words, linking to review it again', () => {
    expect(pieceOutcome(refused('REVIEWER_NOT_QUALIFIED', 'FORBIDDEN'), href)).toEqual({
      decided: false,
      text: 'Not decided: The reviewer cannot sign off this decision.',
      reviewAgainHref: href,
    });
    expect(pieceOutcome(refused('IDENTIFIERS_DETECTED', 'BAD_USER_INPUT'), href).text).toBe(
      'Not decided: your comments may identify someone: review it again',
    );
  });
});
