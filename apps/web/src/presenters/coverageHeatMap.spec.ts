import { coverageHeatMap, type CoverageCounts } from './coverageHeatMap.js';

const DOMAINS = [
  { code: 'PROFESSIONALISM', title: 'Professionalism' },
  { code: 'KNOWLEDGE', title: 'Knowledge' },
];
const LEVELS = [
  { code: 'SOCIAL_WORKER', name: 'Social worker', ordinal: 6 },
  { code: 'ASYE', name: 'Assessed and Supported Year in Employment (NQSW)', ordinal: 5 },
];

function counts(itemCode: string, levelCode: string, c: Partial<CoverageCounts>): CoverageCounts {
  return { itemCode, levelCode, approved: 0, submitted: 0, draft: 0, changesRequested: 0, ...c };
}

describe('coverageHeatMap', () => {
  it('should draw every domain at every level, levels lowest first, even where the API sent no cell', () => {
    const sut = coverageHeatMap(DOMAINS, LEVELS, []);
    expect(sut.columns.map((c) => c.label)).toEqual(['ASYE', 'Social worker']);
    expect(sut.rows.map((r) => r.label)).toEqual(['Professionalism', 'Knowledge']);
    expect(sut.rows.flatMap((r) => r.cells.map((c) => c.shade))).toEqual(['none', 'none', 'none', 'none']);
    expect(sut.isEmpty).toBe(true);
  });

  it.each([
    [{ approved: 1, submitted: 2, draft: 3 }, 'approved', 'A'],
    [{ submitted: 2, draft: 3 }, 'submitted', 'S'],
    [{ draft: 1 }, 'draft', 'D'],
    [{ changesRequested: 1 }, 'draft', 'D'],
    [{}, 'none', ''],
  ])('should shade a cell with %j by its strongest evidence', (c, shade, mark) => {
    const sut = coverageHeatMap(DOMAINS, LEVELS, [counts('PROFESSIONALISM', 'ASYE', c)]);
    expect(sut.rows[0]!.cells[0]).toMatchObject({ shade, mark });
  });

  it('should describe each cell and the whole picture in words', () => {
    const sut = coverageHeatMap(DOMAINS, LEVELS, [
      counts('PROFESSIONALISM', 'ASYE', { approved: 1, draft: 2 }),
      counts('KNOWLEDGE', 'SOCIAL_WORKER', { submitted: 1 }),
    ]);
    expect(sut.rows[0]!.cells[0]!.title).toBe(
      'Professionalism at Assessed and Supported Year in Employment (NQSW): 1 approved and 2 drafts',
    );
    expect(sut.rows[1]!.cells[0]!.title).toBe(
      'Knowledge at Assessed and Supported Year in Employment (NQSW): no evidence',
    );
    expect(sut.summary).toBe(
      'PCF coverage of your evidence across 2 domains and 2 levels: approved evidence in 1 of 2 domains, ' +
        'evidence waiting for review in 1, drafts or changes requested in 1. The table below lists the levels for each domain.',
    );
    expect(sut.isEmpty).toBe(false);
  });

  it('should list, per domain, the levels at which each kind of evidence stands, for the table', () => {
    const sut = coverageHeatMap(DOMAINS, LEVELS, [
      counts('PROFESSIONALISM', 'ASYE', { approved: 1 }),
      counts('PROFESSIONALISM', 'SOCIAL_WORKER', { approved: 1, submitted: 1 }),
    ]);
    expect(sut.table).toEqual([
      {
        domain: 'Professionalism',
        approved: 'ASYE, Social worker',
        submitted: 'Social worker',
        draft: 'None',
      },
      { domain: 'Knowledge', approved: 'None', submitted: 'None', draft: 'None' },
    ]);
  });

  it('should size the picture to its grid so the cells never overlap the labels', () => {
    const sut = coverageHeatMap(DOMAINS, LEVELS, []);
    const first = sut.rows[0]!.cells[0]!;
    expect(first.x).toBeGreaterThan(sut.rows[0]!.labelX);
    const last = sut.rows[1]!.cells[1]!;
    expect(last.x + last.size).toBeLessThan(sut.width);
    expect(last.y + last.height).toBeLessThan(sut.height);
  });
});
