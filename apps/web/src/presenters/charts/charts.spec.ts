import { barChart } from './barChart.js';
import { heatMap, shadeStep } from './heatMap.js';
import { stackedBarChart } from './stackedBarChart.js';
import { escapeXml, wrapLabel } from './svgMarkup.js';

const text = {
  id: 'a-chart',
  title: 'Practitioners per stage',
  description: 'Most practitioners (2 of 3) are at NQSW stage.',
};

/** The text of each <text> element, its lines joined by spaces and unescaped: what a person reads. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<\/tspan><tspan[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The markup's elements are balanced and nothing but the chart's own tags appears. */
function tagsOf(svg: string): string[] {
  return [...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]!);
}

describe('escapeXml', () => {
  it('should escape the five characters XML reserves', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

describe('wrapLabel', () => {
  it.each([
    ['Social worker', ['Social worker']],
    ['Newly qualified social worker (ASYE)', ['Newly qualified social worker', '(ASYE)']],
    [
      'Newly qualified social worker (ASYE) to Social worker',
      ['Newly qualified social worker', '(ASYE) to Social worker'],
    ],
    [
      'one two three four five six seven eight nine ten eleven twelve',
      ['one two three four five six', 'seven eight nine ten eleven…'],
    ],
    ['', []],
  ])('should wrap "%s" to 30 characters a line, two lines at most', (label, expected) => {
    expect(wrapLabel(label, 30)).toEqual(expected);
  });
});

describe('barChart', () => {
  it('should be an image named by its title and described by its desc', () => {
    const sut = barChart(text, [{ label: 'NQSW', value: 2, valueText: '2' }]);
    expect(sut).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="a-chart-title a-chart-desc"/);
    expect(sut).toContain('<title id="a-chart-title">Practitioners per stage</title>');
    expect(sut).toContain('<desc id="a-chart-desc">Most practitioners (2 of 3) are at NQSW stage.</desc>');
    expect(sut).toMatch(/<\/svg>$/);
  });

  it('should write each label and value as text, so length and colour are never the only cue', () => {
    const sut = barChart(text, [
      { label: 'NQSW', value: 2, valueText: '2' },
      { label: 'Social worker', value: 1, valueText: '1' },
    ]);
    expect(texts(sut)).toEqual(['NQSW', '2', 'Social worker', '1']);
    expect(sut.match(/<rect /g)).toHaveLength(2);
  });

  it('should scale the longest bar to the plot and shares to a fixed maximum', () => {
    const widths = (svg: string) =>
      [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(
      widths(
        barChart(text, [
          { label: 'A', value: 4, valueText: '4' },
          { label: 'B', value: 2, valueText: '2' },
        ]),
      ),
    ).toEqual([210, 105]);
    expect(widths(barChart(text, [{ label: 'A', value: 0.5, valueText: '50%' }], { max: 1 }))).toEqual([105]);
  });

  it('should escape labels from the organisation’s data, so they cannot break out of the markup', () => {
    const sut = barChart({ ...text, title: 'Teams <script>', description: 'A & B' }, [
      { label: '<script>alert("x")</script> & Co', value: 1, valueText: '1' },
    ]);
    expect(sut).not.toContain('<script>');
    expect(texts(sut)[0]).toBe('<script>alert("x")</script> & Co');
    expect(sut).toContain('<title id="a-chart-title">Teams &lt;script&gt;</title>');
    expect(new Set(tagsOf(sut))).toEqual(
      new Set(['svg', 'title', 'desc', 'g', 'text', 'tspan', 'rect', 'line']),
    );
  });

  it('should draw no bar for a withheld figure, only its words', () => {
    const sut = barChart(text, [
      { label: 'Adults', value: null, valueText: 'Fewer than 5 people: not shown' },
      { label: 'Children', value: 0.5, valueText: '50%' },
    ]);
    expect(sut.match(/<rect /g)).toHaveLength(1);
    expect(texts(sut)).toContain('Fewer than 5 people: not shown');
  });

  it('should say so when there is nothing to draw', () => {
    const sut = barChart(text, []);
    expect(texts(sut)).toEqual(['No figures to show']);
    expect(sut).not.toContain('<rect');
    expect(sut).toContain('viewBox="0 0 640 56"');
  });
});

describe('stackedBarChart', () => {
  const series = [
    { name: 'Eligible', fill: '#8eb8dc', ink: '#0b0c0c' },
    { name: 'Approved', fill: '#003078', ink: '#ffffff' },
  ];

  it('should name the segments in a numbered key, write wide segments’ counts and each row’s total', () => {
    const sut = stackedBarChart(text, series, [{ label: 'NQSW to Social worker', values: [3, 1] }]);
    expect(texts(sut)).toEqual(['1. Eligible', '2. Approved', 'NQSW to Social worker', '3', '1', '4']);
    expect(sut).toContain('role="img"');
    expect(sut.match(/<pattern /g)).toHaveLength(2);
  });

  it('should skip empty segments and escape labels', () => {
    const sut = stackedBarChart(text, series, [{ label: 'A & B', values: [0, 2] }]);
    expect(texts(sut)).toEqual(['1. Eligible', '2. Approved', 'A & B', '2', '2']);
    expect(sut).toContain('A &amp; B');
  });

  it('should say so when there are no rows', () => {
    expect(texts(stackedBarChart(text, series, []))).toContain('No figures to show');
  });
});

describe('shadeStep', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [3, 10, 2],
    [6, 10, 3],
    [10, 10, 4],
    [5, 0, 0],
  ])('should shade %i of a largest %i at step %i', (value, largest, expected) => {
    expect(shadeStep(value, largest)).toBe(expected);
  });
});

describe('heatMap', () => {
  const input = {
    rows: [
      { key: 'KNOWLEDGE', label: 'Knowledge' },
      { key: 'VALUES', label: 'Values & ethics' },
    ],
    columns: [
      { key: 'ASYE', label: 'ASYE' },
      { key: 'SOCIAL_WORKER', label: 'Social worker' },
    ],
    value: (row: string, column: string) => (row === 'KNOWLEDGE' && column === 'ASYE' ? 3 : 0),
    describe: (row: string, column: string, value: number) => `${row} at ${column}: ${value}`,
  };

  it('should write every cell’s count, zeros included, with a tooltip naming it', () => {
    const sut = heatMap(text, input);
    expect(texts(sut)).toEqual(['ASYE', 'Social worker', 'Knowledge', '3', '0', 'Values & ethics', '0', '0']);
    expect(sut).toContain('<title>Knowledge at ASYE: 3</title>');
    expect(sut).toContain('<title>Values &amp; ethics at Social worker: 0</title>');
    expect(sut.match(/<rect /g)).toHaveLength(4);
  });

  it('should put white text only on the dark shades', () => {
    const sut = heatMap(text, input);
    expect(sut).toMatch(/fill="#003078"[^>]*><\/rect><text [^>]*fill="#ffffff"[^>]*>3</);
  });

  it('should say so when there are no rows', () => {
    const sut = heatMap(text, { ...input, rows: [] });
    expect(texts(sut)).toContain('No figures to show');
    expect(sut).not.toContain('<rect');
  });
});
