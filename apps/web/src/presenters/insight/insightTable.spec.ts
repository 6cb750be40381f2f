import { days, insightTableCsv, percent, suppressionText } from './insightTable.js';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('insightTableCsv', () => {
  it('should stream the head and rows, quoting what needs it, after a byte order mark', async () => {
    const csv = await text(
      insightTableCsv({
        caption: 'x',
        head: ['Team', 'Meeting requirements'],
        rows: [
          ['Children, Families & "Young People"', '63%'],
          ['Adults', suppressionText(5)],
        ],
      }),
    );
    expect(csv).toBe(
      '\uFEFFTeam,Meeting requirements\n"Children, Families & ""Young People""",63%\nAdults,Fewer than 5 people: not shown\n',
    );
  });

  it('should give just the head for an empty table', async () => {
    expect(await text(insightTableCsv({ caption: 'x', head: ['Waiting', 'Submissions'], rows: [] }))).toBe(
      '\uFEFFWaiting,Submissions\n',
    );
  });
});

describe('percent and days', () => {
  it.each([
    [0.625, '63%'],
    [1, '100%'],
    [0, '0%'],
    [null, 'No figures'],
  ])('should write a share of %p as %s', (share, expected) => {
    expect(percent(share)).toBe(expected);
  });

  it.each([
    [4, '4 days'],
    [1, '1 day'],
    [9.25, '9.3 days'],
    [null, 'No decisions'],
  ])('should write %p days as %s', (value, expected) => {
    expect(days(value)).toBe(expected);
  });
});
