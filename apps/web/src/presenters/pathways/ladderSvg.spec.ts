import { ladderLayout, ladderRows, ladderSvg, wrapName, BOX_HEIGHT } from './ladderSvg.js';

const STAGES = [
  { key: 'NQSW', name: 'Newly qualified social worker (ASYE)' },
  { key: 'SOCIAL_WORKER', name: 'Social worker' },
  { key: 'ADVANCED', name: 'Advanced practitioner' },
  { key: 'EDUCATOR', name: 'Practice educator' },
];
const ROUTES = [
  { key: 'NQSW_TO_SW', fromStageKey: 'NQSW', toStageKey: 'SOCIAL_WORKER' },
  { key: 'SW_TO_ADVANCED', fromStageKey: 'SOCIAL_WORKER', toStageKey: 'ADVANCED' },
  { key: 'SW_TO_EDUCATOR', fromStageKey: 'SOCIAL_WORKER', toStageKey: 'EDUCATOR' },
];

describe('ladderSvg', () => {
  it('should put each stage one row below the deepest stage a route leaves for it', () => {
    const sut = ladderRows(STAGES, [
      ...ROUTES,
      { key: 'NQSW_TO_ADVANCED', fromStageKey: 'NQSW', toStageKey: 'ADVANCED' },
    ]);
    expect(Object.fromEntries(sut)).toEqual({ NQSW: 0, SOCIAL_WORKER: 1, ADVANCED: 2, EDUCATOR: 2 });
  });

  it('should end even for a cycle, which the API refuses but a picture must survive', () => {
    const sut = ladderRows(STAGES.slice(0, 2), [
      { key: 'A', fromStageKey: 'NQSW', toStageKey: 'SOCIAL_WORKER' },
      { key: 'B', fromStageKey: 'SOCIAL_WORKER', toStageKey: 'NQSW' },
    ]);
    expect([...sut.values()].every((row) => row < 2)).toBe(true);
  });

  it('should draw stages on a row side by side without overlapping, and arrows from box to box', () => {
    const sut = ladderLayout(STAGES, ROUTES);
    const advanced = sut.boxes.find((b) => b.key === 'ADVANCED')!;
    const educator = sut.boxes.find((b) => b.key === 'EDUCATOR')!;
    expect(advanced.y).toBe(educator.y);
    expect(Math.abs(advanced.x - educator.x)).toBeGreaterThanOrEqual(170);
    const arrow = sut.arrows.find((a) => a.key === 'SW_TO_EDUCATOR')!;
    const from = sut.boxes.find((b) => b.key === 'SOCIAL_WORKER')!;
    expect(arrow).toMatchObject({ y1: from.y + BOX_HEIGHT, y2: educator.y, x2: educator.x + 85 });
    for (const b of sut.boxes) expect(b.x + 170).toBeLessThanOrEqual(sut.width);
  });

  it('should skip routes to stages the design lacks rather than draw them nowhere', () => {
    const sut = ladderLayout(STAGES, [{ key: 'X', fromStageKey: 'NQSW', toStageKey: 'GONE' }]);
    expect(sut.arrows).toEqual([]);
  });

  it('should wrap long names by words into at most three lines', () => {
    expect(wrapName('Newly qualified social worker (ASYE)')).toEqual([
      'Newly qualified social',
      'worker (ASYE)',
    ]);
    expect(wrapName('a b c d e f g h i j k l m n o p q r s t u v w x y z', 3)).toHaveLength(3);
  });

  it('should be an image with a title and a description naming every route', () => {
    const sut = ladderSvg(STAGES, ROUTES, { title: 'Version 2' });
    expect(sut).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="ladder-title ladder-desc"/);
    expect(sut).toContain('<title id="ladder-title">Version 2</title>');
    expect(sut).toContain(
      '<desc id="ladder-desc">4 stages and 3 routes: Newly qualified social worker (ASYE) to Social worker; ' +
        'Social worker to Advanced practitioner; Social worker to Practice educator.</desc>',
    );
    expect(sut.match(/<rect /g)).toHaveLength(4);
    expect(sut.match(/<line /g)).toHaveLength(3);
  });

  it('should escape stage names, which the PSW types', () => {
    const sut = ladderSvg([{ key: 'A', name: '<script>&"' }], []);
    expect(sut).not.toContain('<script>');
    expect(sut).toContain('&lt;script&gt;&amp;&quot;');
  });
});
