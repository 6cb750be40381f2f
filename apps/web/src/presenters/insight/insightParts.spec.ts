import {
  cohortPart,
  coveragePart,
  cpdPart,
  insightParts,
  pipelinePart,
  stagesPart,
  supervisionPart,
  turnaroundPart,
  type Insight,
} from './insightParts.js';

const scope: Insight['scope'] = {
  from: '2025-12-01',
  to: '2026-11-30',
  teamId: null,
  teamName: null,
  practitioners: 120,
  suppressed: false,
  minGroupSize: 5,
  individualsVisible: true,
};

function insight(parts: Partial<Insight> = {}): Insight {
  return { scope, ...parts };
}

const stageDistribution: NonNullable<Insight['stageDistribution']> = {
  asOf: '2026-11-30',
  people: 120,
  suppressed: false,
  stages: [
    { stageKey: 'NQSW', stageName: 'Newly qualified social worker', pcfLevelCode: 'ASYE', people: 30 },
    { stageKey: 'SW', stageName: 'Social worker', pcfLevelCode: 'SOCIAL_WORKER', people: 42 },
    {
      stageKey: 'ESW',
      stageName: 'Experienced social worker',
      pcfLevelCode: 'EXPERIENCED_SOCIAL_WORKER',
      people: 48 - 0,
    },
  ],
  movements: [{ month: '2026-10', fromStageKey: 'NQSW', toStageKey: 'SW', people: 3 }],
};

describe('stagesPart', () => {
  it('should name the largest stage in one sentence and list every stage in its table', () => {
    const sut = stagesPart(
      insight({
        stageDistribution: { ...stageDistribution, stages: stageDistribution.stages.slice(0, 2), people: 72 },
      }),
    );
    expect(sut.summary).toBe('Most practitioners (42 of 72) are at Social worker stage.');
    expect(sut.table!.rows).toEqual([
      ['Newly qualified social worker', 'ASYE', '30'],
      ['Social worker', 'Social worker', '42'],
    ]);
    expect(sut.chart).toContain(
      '<desc id="stages-chart-desc">Most practitioners (42 of 72) are at Social worker stage.</desc>',
    );
    expect(sut.more[0]!.rows).toEqual([['2026-10', 'Newly qualified social worker', 'Social worker', '3']]);
  });

  it('should name every stage that shares the largest count', () => {
    const sut = stagesPart(
      insight({
        stageDistribution: {
          ...stageDistribution,
          people: 5,
          stages: stageDistribution.stages.map((s, i) => ({ ...s, people: i < 2 ? 2 : 1 })),
        },
      }),
    );
    expect(sut.summary).toBe(
      'The largest groups (2 of 5 each) are at the Newly qualified social worker and Social worker stages.',
    );
  });

  it('should say when nobody holds a stage, and when no pathway is published', () => {
    expect(
      stagesPart(
        insight({ stageDistribution: { ...stageDistribution, people: 0, stages: [], movements: [] } }),
      ).summary,
    ).toBe('Nobody across the organisation holds a stage on the published pathway.');
    const none = stagesPart(insight({ stageDistribution: null }));
    expect(none.summary).toBe('No pathway is published yet, so nobody holds a stage.');
    expect(none.chart).toBeUndefined();
  });

  it('should withhold the breakdown of a small scope and say so plainly', () => {
    const sut = stagesPart(
      insight({
        scope: { ...scope, teamName: 'Adults', practitioners: 2, suppressed: true },
        stageDistribution: { ...stageDistribution, people: 2, suppressed: true, stages: [], movements: [] },
      }),
    );
    expect(sut.suppressed).toBe('Fewer than 5 people: not shown');
    expect(sut.summary).toBe(
      '2 practitioners in Adults hold a stage; the breakdown is not shown for so few people.',
    );
    expect(sut.chart).toBeUndefined();
    expect(sut.table).toBeUndefined();
  });
});

describe('coveragePart', () => {
  const coverageHeatMap: NonNullable<Insight['coverageHeatMap']> = {
    frameworkCode: 'PCF',
    version: '2018',
    approvedPieces: 7,
    suppressed: false,
    domains: [
      { itemCode: 'VALUES', itemTitle: 'Values & ethics', pieces: 1, people: 1 },
      { itemCode: 'KNOWLEDGE', itemTitle: 'Knowledge', pieces: 6, people: 3 },
    ],
    cells: [
      {
        itemCode: 'KNOWLEDGE',
        itemTitle: 'Knowledge',
        levelCode: 'SOCIAL_WORKER',
        levelName: 'Social worker',
        levelOrdinal: 6,
        pieces: 2,
        people: 1,
      },
      {
        itemCode: 'KNOWLEDGE',
        itemTitle: 'Knowledge',
        levelCode: 'ASYE',
        levelName: 'ASYE',
        levelOrdinal: 5,
        pieces: 4,
        people: 2,
      },
      {
        itemCode: 'VALUES',
        itemTitle: 'Values & ethics',
        levelCode: 'ASYE',
        levelName: 'ASYE',
        levelOrdinal: 5,
        pieces: 1,
        people: 1,
      },
      {
        itemCode: 'VALUES',
        itemTitle: 'Values & ethics',
        levelCode: 'SOCIAL_WORKER',
        levelName: 'Social worker',
        levelOrdinal: 6,
        pieces: 0,
        people: 0,
      },
    ],
  };

  it('should draw domains by levels in level order, thinnest domain first, with the grid in its table', () => {
    const sut = coveragePart(insight({ coverageHeatMap }));
    expect(sut.summary).toBe(
      '7 approved pieces of evidence signed off across the organisation: the thinnest domain is Values & ethics (1 piece), the fullest Knowledge (6 pieces).',
    );
    expect(sut.table!.head).toEqual(['Domain', 'ASYE', 'Social worker', 'All levels', 'Practitioners']);
    expect(sut.table!.rows).toEqual([
      ['Values & ethics', '1', '0', '1', '1'],
      ['Knowledge', '4', '2', '6', '3'],
    ]);
    expect(sut.chart).toContain('Values &amp; ethics');
    expect(sut.chart).not.toContain('Values & ethics');
  });

  it('should say when nothing was approved', () => {
    expect(
      coveragePart(
        insight({ coverageHeatMap: { ...coverageHeatMap, approvedPieces: 0, domains: [], cells: [] } }),
      ).summary,
    ).toBe('No approved evidence was signed off across the organisation in the range.');
  });

  it('should withhold a suppressed breakdown', () => {
    const sut = coveragePart(
      insight({ coverageHeatMap: { ...coverageHeatMap, suppressed: true, domains: [], cells: [] } }),
    );
    expect(sut.suppressed).toBe('Fewer than 5 people: not shown');
    expect(sut.chart).toBeUndefined();
  });
});

describe('cpdPart', () => {
  const cpdCompliance: NonNullable<Insight['cpdCompliance']> = {
    practitioners: 12,
    evaluated: 10,
    met: 6,
    atRisk: 2,
    rate: 0.6,
    byTeam: [
      { teamName: 'Children & Families', suppressed: false, evaluated: 8, met: 5, atRisk: 1, rate: 0.625 },
      { teamName: 'Adults', suppressed: true, evaluated: null, met: null, atRisk: null, rate: null },
    ],
    peopleAtRisk: [{ name: 'Sam Jones', teamName: null, daysLeft: 12, periodEnd: '2026-11-30' }],
  };

  it('should give the share, each team’s figures, and write a small team as withheld', () => {
    const sut = cpdPart(insight({ cpdCompliance }));
    expect(sut.summary).toBe(
      '60% of practitioners across the organisation whose CPD could be judged (6 of 10) meet their regulator’s requirements this registration year; 2 at risk of missing the deadline.',
    );
    expect(sut.table!.rows).toEqual([
      ['Children & Families', '63%', '5', '8', '1'],
      ['Adults', 'Fewer than 5 people: not shown', '', '', ''],
    ]);
    expect(sut.chart).toContain('>Fewer than 5 people: not shown</text>');
    expect(sut.chart).toContain('>63% (5 of 8)</text>');
    expect(sut.chart).toContain('Children &amp; Families');
    expect(sut.more[0]!.rows).toEqual([['Sam Jones', 'No team', '12', '2026-11-30']]);
  });

  it('should say when nobody could be judged, and draw nothing without teams', () => {
    const sut = cpdPart(
      insight({
        cpdCompliance: { ...cpdCompliance, rate: null, evaluated: 0, met: 0, byTeam: [], peopleAtRisk: [] },
      }),
    );
    expect(sut.summary).toBe(
      'Nobody’s CPD across the organisation could be judged: no regulator or registration is recorded.',
    );
    expect(sut.chart).toBeUndefined();
    expect(sut.table!.rows).toEqual([]);
    expect(sut.more).toEqual([]);
  });

  it('should mark the whole part withheld when the scope is small', () => {
    const sut = cpdPart(
      insight({
        scope: { ...scope, suppressed: true, minGroupSize: 3 },
        cpdCompliance: { ...cpdCompliance, byTeam: [] },
      }),
    );
    expect(sut.suppressed).toBe('Fewer than 3 people: not shown');
  });
});

describe('turnaroundPart', () => {
  const reviewTurnaround: NonNullable<Insight['reviewTurnaround']> = {
    decisions: 20,
    medianDays: 4,
    p90Days: 9.25,
    waiting: 3,
    backlog: [
      { label: '0–7 days', minDays: 0, maxDays: 8, waiting: 2 },
      { label: '8–14 days', minDays: 8, maxDays: 15, waiting: 1 },
    ],
    byTeam: [{ teamName: 'Adults', suppressed: true, decisions: null, medianDays: null, p90Days: null }],
    byReviewer: [{ reviewerName: 'Ann Lee', decisions: 20, medianDays: 1, p90Days: null }],
  };

  it('should give the median, 90th percentile and backlog', () => {
    const sut = turnaroundPart(insight({ reviewTurnaround }));
    expect(sut.summary).toBe(
      'Evidence across the organisation waited a median of 4 days for a decision (90th percentile 9.3 days) over 20 decisions; 3 submissions waiting now.',
    );
    expect(sut.table!.rows).toEqual([
      ['0–7 days', '2'],
      ['8–14 days', '1'],
    ]);
    expect(sut.more.map((t) => t.rows)).toEqual([
      [['Adults', 'Fewer than 5 people: not shown', '', '']],
      [['Ann Lee', '20', '1 day', 'No decisions']],
    ]);
  });

  it('should say when nothing was decided', () => {
    expect(
      turnaroundPart(insight({ reviewTurnaround: { ...reviewTurnaround, decisions: 0, waiting: 1 } }))
        .summary,
    ).toBe('No review decisions across the organisation in the range; 1 submission waiting now.');
  });
});

describe('supervisionPart', () => {
  it('should give the share supervised per team', () => {
    const sut = supervisionPart(
      insight({
        supervision: {
          practitioners: 10,
          supervisedAsRequired: 7,
          overdue: 2,
          dueSoon: 1,
          neverSupervised: 1,
          share: 0.7,
          byTeam: [{ teamName: null, suppressed: false, supervisedAsRequired: 7, overdue: 2, share: 0.7 }],
          overduePeople: [],
        },
      }),
    );
    expect(sut.summary).toBe(
      '70% of practitioners across the organisation (7 of 10) are supervised as the policy requires; 2 overdue, 1 due soon, 1 never supervised.',
    );
    expect(sut.table!.rows).toEqual([['No team', '70%', '7', '2']]);
    expect(sut.chart).toContain('>70% (7 supervised)</text>');
  });
});

describe('pipelinePart', () => {
  const route = {
    routeKey: 'NQSW_TO_SW',
    fromStageKey: 'NQSW',
    toStageKey: 'SW',
    submitted: 4,
    open: 1,
    approved: 2,
    deferred: 0,
    declined: 1,
    withdrawn: 0,
  };

  it('should name routes by their stages and stack who is where', () => {
    const sut = pipelinePart(
      insight({
        stageDistribution,
        progressionPipeline: { suppressed: false, routes: [{ ...route, eligible: 3, nearlyEligible: 5 }] },
      }),
    );
    expect(sut.summary).toBe(
      '4 applications submitted across the organisation in the range across 1 route, 2 approved; 3 eligible now.',
    );
    expect(sut.table!.rows[0]).toEqual([
      'Newly qualified social worker to Social worker',
      '5',
      '3',
      '4',
      '1',
      '2',
      '0',
      '1',
      '0',
    ]);
    expect(sut.chart).toContain('role="img"');
  });

  it('should say eligibility is organisation-wide when a team is chosen', () => {
    const sut = pipelinePart(
      insight({
        scope: { ...scope, teamName: 'Adults' },
        progressionPipeline: {
          suppressed: false,
          routes: [{ ...route, eligible: null, nearlyEligible: null }],
        },
      }),
    );
    expect(sut.summary).toMatch(/; eligibility is counted for the whole organisation only\.$/);
    expect(sut.table!.rows[0]!.slice(0, 3)).toEqual(['NQSW to SW', 'Organisation only', 'Organisation only']);
  });

  it('should withhold a suppressed pipeline', () => {
    expect(pipelinePart(insight({ progressionPipeline: { suppressed: true, routes: [] } })).suppressed).toBe(
      'Fewer than 5 people: not shown',
    );
  });
});

describe('cohortPart', () => {
  const earlyCareerCohort: NonNullable<Insight['earlyCareerCohort']> = {
    programmes: 6,
    withReviewOverdue: 1,
    evidenceComplete: 2,
    protectedTimeMet: 5,
    paused: 0,
    suppressed: false,
    members: [
      {
        name: 'Nia Shah',
        nextReviewPoint: 'SIX_MONTH',
        nextReviewDueOn: '2027-03-01',
        evidenceApproved: 3,
        evidenceRequired: 10,
        reviewPointsOverdue: 0,
      },
    ],
  };

  it('should count the cohort and list each NQSW for a PSW', () => {
    const sut = cohortPart(insight({ earlyCareerCohort }));
    expect(sut.summary).toBe(
      '6 open ASYE programmes across the organisation: 1 with a review point overdue, 2 with the required evidence complete, 5 with protected time on target.',
    );
    expect(sut.table!.rows[0]).toEqual(['Open programmes', '6']);
    expect(sut.more[0]!.rows).toEqual([['Nia Shah', 'Six month', '2027-03-01', '3 of 10', '0']]);
  });

  it('should withhold a small cohort', () => {
    const sut = cohortPart(
      insight({ earlyCareerCohort: { ...earlyCareerCohort, programmes: 2, suppressed: true, members: [] } }),
    );
    expect(sut.suppressed).toBe('Fewer than 5 people: not shown');
    expect(sut.chart).toBeUndefined();
  });
});

describe('insightParts', () => {
  it('should give the seven parts in page order, each with a sentence, even with no figures asked for', () => {
    const sut = insightParts(insight());
    expect(sut.map((p) => p.key)).toEqual([
      'stages',
      'coverage',
      'cpd',
      'turnaround',
      'supervision',
      'pipeline',
      'cohort',
    ]);
    expect(sut.every((p) => p.summary.length > 0)).toBe(true);
  });
});
