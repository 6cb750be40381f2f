import { assertFrameworkAlignment, type ProposedFrameworkAlignment } from './assert-framework-alignment.js';

const ORG = 'org-a';
const PCF_DOMAIN = { id: 'pcf-knowledge', organisationId: null };
const KSS_STATEMENT = { id: 'kss-1', organisationId: null };
const OWN_IMPORT = { id: 'own-item', organisationId: ORG };
const OTHER_IMPORT = { id: 'other-item', organisationId: 'org-b' };
const ITEMS = [PCF_DOMAIN, KSS_STATEMENT, OWN_IMPORT, OTHER_IMPORT];

const link = (over: Partial<ProposedFrameworkAlignment> = {}): ProposedFrameworkAlignment => ({
  fromItemId: PCF_DOMAIN.id,
  toItemId: KSS_STATEMENT.id,
  type: 'isRelatedTo',
  confirmed: true,
  source: 'S20: Warrington, mapping the PCF domains at ASYE level against the C&F KSS',
  ...over,
});

describe('assertFrameworkAlignment', () => {
  it.each([
    ['two reference items, confirmed with a source', link()],
    ['an unconfirmed link with a note', link({ confirmed: false, source: 'PSW judgement, to check' })],
    ['a reference item to the organisation’s own import', link({ toItemId: OWN_IMPORT.id })],
    ['its own import to a reference item', link({ fromItemId: OWN_IMPORT.id, type: 'exactMatchOf' })],
    ['a source of exactly 500 characters', link({ source: 'x'.repeat(500) })],
  ])('should accept %s', (_, proposed) => {
    expect(() => assertFrameworkAlignment(ORG, proposed, ITEMS)).not.toThrow();
  });

  it('should give back the type and the source without surrounding spaces', () => {
    expect(assertFrameworkAlignment(ORG, link({ source: '  S20  ' }), ITEMS)).toEqual({
      type: 'isRelatedTo',
      source: 'S20',
    });
  });

  it.each([
    [
      'an item to itself',
      link({ toItemId: PCF_DOMAIN.id }),
      'FRAMEWORK_ALIGNMENT_TO_ITSELF',
      'input.toItemId',
    ],
    ['an unknown type', link({ type: 'isChildOf' }), 'FRAMEWORK_ALIGNMENT_TYPE_UNKNOWN', 'input.type'],
    [
      'a confirmed link without a source',
      link({ source: '   ' }),
      'FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED',
      'input.source',
    ],
    [
      'an unconfirmed link without a note',
      link({ confirmed: false, source: '' }),
      'FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED',
      'input.source',
    ],
    ['an unknown from item', link({ fromItemId: 'nope' }), 'FRAMEWORK_ITEM_NOT_FOUND', 'input.fromItemId'],
    ['an unknown to item', link({ toItemId: 'nope' }), 'FRAMEWORK_ITEM_NOT_FOUND', 'input.toItemId'],
    [
      'another organisation’s item, as if unknown',
      link({ toItemId: OTHER_IMPORT.id }),
      'FRAMEWORK_ITEM_NOT_FOUND',
      'input.toItemId',
    ],
    [
      'another organisation’s item linked to itself, as if unknown',
      link({ fromItemId: OTHER_IMPORT.id, toItemId: OTHER_IMPORT.id }),
      'FRAMEWORK_ITEM_NOT_FOUND',
      'input.fromItemId',
    ],
  ])('should refuse %s', (_, proposed, code, field) => {
    expect(() => assertFrameworkAlignment(ORG, proposed, ITEMS)).toThrow(
      expect.objectContaining({ code, field }),
    );
  });

  it('should refuse the same unknown and foreign items with the same message', () => {
    const messageFor = (toItemId: string) => {
      try {
        assertFrameworkAlignment(ORG, link({ toItemId }), ITEMS);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(messageFor(OTHER_IMPORT.id)).toBe(messageFor('nope'));
  });
});
