import { createHash } from 'node:crypto';
import type { DomainError } from '../errors.js';
import type { FrameworkVersionContent } from './exchange.types.js';
import { parseCasePackage } from './parse-case-package.js';
import { toCasePackage } from './to-case-package.js';

const uuidOf = (uri: string) => {
  const h = createHash('sha1').update(uri).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const CONTENT: FrameworkVersionContent = {
  framework: { code: 'TEST_FW', name: 'Test framework', owner: 'Owner', description: 'About it.' },
  version: {
    version: '1',
    status: 'CURRENT',
    effectiveFrom: '2027-04-01',
    effectiveTo: null,
    notes: 'Caveats.',
  },
  items: [
    {
      code: 'A',
      kind: 'DOMAIN',
      parentCode: null,
      ordinal: 1,
      title: 'A',
      description: 'First.',
      confirmed: true,
      attributes: { n: 1 },
      alignments: [],
    },
    {
      code: 'A.1',
      kind: 'STATEMENT',
      parentCode: 'A',
      ordinal: 1,
      title: 'A one',
      description: 'Under A.',
      confirmed: false,
      attributes: {},
      alignments: [{ type: 'exactMatchOf', frameworkCode: 'PCF', version: '2018', itemCode: 'KNOWLEDGE' }],
    },
    {
      code: 'B',
      kind: 'DOMAIN',
      parentCode: null,
      ordinal: 2,
      title: 'B',
      description: 'Second.',
      confirmed: true,
      attributes: {},
      alignments: [],
    },
  ],
  levels: [
    {
      code: 'L1',
      ordinal: 1,
      name: 'Level one',
      group: 'G',
      description: 'Lowest.',
      confirmed: true,
      pathways: [],
    },
    {
      code: 'L2',
      ordinal: 2,
      name: 'Level two',
      group: 'G',
      description: 'Next.',
      confirmed: true,
      pathways: [{ code: 'P', name: 'Practice', description: 'A path.', confirmed: false }],
    },
  ],
};
const OPTIONS = { today: '2027-01-01', field: 'input.caseJson' };

describe('CASE packages', () => {
  it('should read back exactly what it wrote, and name external alignments for checking', () => {
    const sut = parseCasePackage(JSON.stringify(toCasePackage(CONTENT, uuidOf)), OPTIONS);
    expect(sut.content).toEqual(CONTENT);
    expect(sut.externalAlignments).toEqual([
      expect.objectContaining({ itemCode: 'A.1', alignment: CONTENT.items[1]!.alignments[0] }),
    ]);
  });

  it.each<[string, (p: any) => void, string, string]>([
    ['a missing CFDocument', (p) => delete p.CFDocument, 'input.caseJson.CFDocument', 'MISSING'],
    [
      'a duplicate item identifier',
      (p) => (p.CFItems[1].identifier = p.CFItems[0].identifier),
      'input.caseJson.CFItems[1].identifier',
      'DUPLICATE_IDENTIFIER',
    ],
    [
      'a duplicate level ordinal',
      (p) => (p.CFItems[4].listEnumeration = '1'),
      'input.caseJson.CFItems[4].listEnumeration',
      'DUPLICATE_ORDINAL',
    ],
    [
      'an item with two parents',
      (p) => p.CFAssociations.push({ ...p.CFAssociations[1], identifier: 'x' }),
      'input.caseJson.CFAssociations[7]',
      'MULTIPLE_PARENTS',
    ],
    [
      'a level under an item',
      (p) => (p.CFAssociations[4].destinationNodeURI = p.CFAssociations[0].originNodeURI),
      'input.caseJson.CFAssociations[4].destinationNodeURI',
      'INVALID_HIERARCHY',
    ],
    [
      'a cycle',
      (p) => (p.CFAssociations[0].destinationNodeURI = p.CFAssociations[1].originNodeURI),
      'input.caseJson.CFAssociations[0]',
      'CYCLE',
    ],
    [
      'a non-numeric sequence',
      (p) => (p.CFAssociations[0].sequenceNumber = 'first'),
      'input.caseJson.CFAssociations[0].sequenceNumber',
      'INVALID_VALUE',
    ],
    [
      'a bad date',
      (p) => (p.CFDocument.extensions.pathways.effectiveFrom = '1 April'),
      'input.caseJson.CFDocument.statusStartDate',
      'INVALID_VALUE',
    ],
  ])('should refuse %s naming the field', (_, change, field, reason) => {
    const pkg = toCasePackage(CONTENT, uuidOf) as any;
    change(pkg);
    expect(() => parseCasePackage(JSON.stringify(pkg), OPTIONS)).toThrow(
      expect.objectContaining({ code: 'CASE_DOCUMENT_INVALID', field, meta: { reason } }) as DomainError,
    );
  });

  it('should take the framework code and version from the caller when given', () => {
    const pkg = toCasePackage(CONTENT, uuidOf) as any;
    delete pkg.CFDocument.extensions;
    const sut = parseCasePackage(JSON.stringify(pkg), { ...OPTIONS, frameworkCode: 'OTHER', version: '2' });
    expect(sut.content.framework.code).toBe('OTHER');
    expect(sut.content.version.version).toBe('2');
    expect(() => parseCasePackage(JSON.stringify(pkg), OPTIONS)).toThrow(
      expect.objectContaining({
        field: 'input.caseJson.CFDocument.extensions.pathways.frameworkCode',
      }) as DomainError,
    );
  });
});
