import { readFileSync } from 'node:fs';
import { assertPathwayPublishable } from './assert-pathway-publishable.js';
import { evaluateEligibility } from './evaluate-eligibility.js';
import type { ApprovedEvidenceFacts, ProgressionReference, ReferenceFramework } from './progression.types.js';
import { TEMPLATE_PATHWAY_DESIGN as sut } from './template-pathway.js';
import { validatePathwayDesign } from './validate-pathway-design.js';

interface SeedFile {
  code: string;
  name: string;
  versions: {
    version: string;
    items: { code: string; kind: string; title: string }[];
    levels: { code: string; ordinal: number; name: string; pathways: { code: string; name: string }[] }[];
  }[];
}

/** The reference as seeded, read from the framework seed files themselves. */
function seededReference(): ProgressionReference {
  const frameworks: ReferenceFramework[] = [];
  for (const file of ['pcf.json', 'kss-child-and-family.json', 'kss-adults.json']) {
    const url = new URL(`../../../persistence/src/seeds/frameworks/${file}`, import.meta.url);
    const seed = JSON.parse(readFileSync(url, 'utf8')) as SeedFile;
    for (const v of seed.versions) {
      frameworks.push({
        code: seed.code,
        version: v.version,
        name: seed.name,
        items: v.items.map(({ code, kind, title }) => ({ code, kind, title })),
        levels: v.levels.map(({ code, ordinal, name, pathways }) => ({
          code,
          ordinal,
          name,
          pathways: pathways.map((p) => ({ code: p.code, name: p.name })),
        })),
      });
    }
  }
  return { frameworks };
}

const reference = seededReference();
const pcf = reference.frameworks.find((f) => f.code === 'PCF' && f.version === '2018')!;
const domainCodes = pcf.items.filter((i) => i.kind === 'DOMAIN').map((i) => i.code);
const routeByKey = (key: string) => sut.routes.find((r) => r.key === key)!;

function pieceInEveryDomain(evidenceId: string, levelOrdinal: number, date: string): ApprovedEvidenceFacts {
  return {
    evidenceId,
    kind: 'CRITICAL_REFLECTION',
    date,
    mappings: domainCodes.map((itemCode) => ({
      frameworkCode: 'PCF',
      frameworkVersion: '2018',
      itemCode,
      acceptedLevelOrdinal: levelOrdinal,
      acceptedLevelCode: null,
    })),
  };
}

describe('TEMPLATE_PATHWAY_DESIGN', () => {
  it('should read nine PCF domains from the seed files', () => {
    expect(domainCodes).toHaveLength(9);
  });

  it('should be valid and publishable against the seeded PCF and KSS', () => {
    expect(() => validatePathwayDesign(sut, reference)).not.toThrow();
    expect(() => assertPathwayPublishable(sut, reference)).not.toThrow();
  });

  it('should hold the generic ladder of the reference', () => {
    expect(sut.stages.map((s) => s.name)).toEqual([
      'Student',
      'Newly qualified social worker (ASYE)',
      'Social worker',
      'Experienced / senior social worker',
      'Advanced practitioner',
      'Consultant social worker',
      'Practice educator',
      'Practice supervisor',
      'Team manager',
      'Principal social worker',
    ]);
  });

  it.each<[string, string, string]>([
    ['NQSW_TO_SOCIAL_WORKER', 'NQSW', 'AUTOMATIC'],
    ['SOCIAL_WORKER_TO_EXPERIENCED', 'SOCIAL_WORKER', 'PANEL'],
    ['EXPERIENCED_TO_ADVANCED_PRACTITIONER', 'EXPERIENCED_SOCIAL_WORKER', 'PANEL'],
    ['EXPERIENCED_TO_CONSULTANT', 'EXPERIENCED_SOCIAL_WORKER', 'PANEL'],
    ['EXPERIENCED_TO_PRACTICE_EDUCATOR', 'EXPERIENCED_SOCIAL_WORKER', 'APPRAISAL'],
    ['EXPERIENCED_TO_PRACTICE_SUPERVISOR', 'EXPERIENCED_SOCIAL_WORKER', 'APPRAISAL'],
    ['ADVANCED_PRACTITIONER_TO_TEAM_MANAGER', 'ADVANCED_PRACTITIONER', 'RECRUITMENT'],
    ['TEAM_MANAGER_TO_PSW', 'TEAM_MANAGER', 'RECRUITMENT'],
    ['CONSULTANT_TO_PSW', 'CONSULTANT_SOCIAL_WORKER', 'RECRUITMENT'],
  ])('should give route %s from %s the mechanism %s', (key, from, mechanism) => {
    expect(routeByKey(key)).toMatchObject({ fromStageKey: from, mechanism });
  });

  it('should need a completed ASYE to move automatically from NQSW to social worker', () => {
    expect(routeByKey('NQSW_TO_SOCIAL_WORKER').criteria).toEqual({
      type: 'ALL_OF',
      criteria: [{ type: 'QUALIFICATION', qualificationType: 'ASYE_COMPLETED' }],
    });
  });

  it('should say in every stage that its thresholds are local and never a promotion', () => {
    for (const stage of sut.stages) {
      expect(stage.description).toContain('local choices, not national rules');
      expect(stage.description).toContain('never an automatic promotion');
    }
  });

  it('should put a social worker with enough experience and evidence forward for the panel', () => {
    const result = evaluateEligibility(
      {
        dateQualified: '2022-09-01',
        stageHistory: [
          { stageKey: 'NQSW', from: '2022-09-01', to: '2023-08-31' },
          { stageKey: 'SOCIAL_WORKER', from: '2023-09-01', to: null },
        ],
        qualifications: [
          { type: 'ASYE_COMPLETED', awardedOn: '2023-08-31', expiresOn: null, verified: true },
        ],
        approvedEvidence: [
          pieceInEveryDomain('reflective-account', 7, '2025-03-01'),
          {
            evidenceId: 'feedback',
            kind: 'SERVICE_USER_FEEDBACK',
            date: '2025-02-01',
            mappings: [
              {
                frameworkCode: 'PCF',
                frameworkVersion: '2018',
                itemCode: 'VALUES_AND_ETHICS',
                acceptedLevelOrdinal: null,
                acceptedLevelCode: 'SOCIAL_WORKER',
              },
            ],
          },
        ],
        cpdCompliance: [{ periodLabel: '2023\u201324', periodEnd: '2024-11-30', met: true }],
      },
      sut,
      '2025-06-30',
      reference,
    );

    expect(result.routes).toMatchObject([
      { routeKey: 'SOCIAL_WORKER_TO_EXPERIENCED', mechanism: 'PANEL', eligible: true, closeness: 1 },
    ]);
  });

  it('should tell an experienced social worker what each advanced route still needs', () => {
    const result = evaluateEligibility(
      {
        dateQualified: '2020-09-01',
        stageHistory: [{ stageKey: 'EXPERIENCED_SOCIAL_WORKER', from: '2023-01-01', to: null }],
        qualifications: [],
        approvedEvidence: [pieceInEveryDomain('reflective-account', 8, '2025-03-01')],
        cpdCompliance: [
          { periodLabel: '2022\u201323', periodEnd: '2023-11-30', met: true },
          { periodLabel: '2023\u201324', periodEnd: '2024-11-30', met: true },
        ],
      },
      sut,
      '2025-06-30',
      reference,
    );

    const byKey = new Map(result.routes.map((r) => [r.routeKey, r]));
    expect([...byKey.keys()]).toEqual([
      'EXPERIENCED_TO_ADVANCED_PRACTITIONER',
      'EXPERIENCED_TO_CONSULTANT',
      'EXPERIENCED_TO_PRACTICE_EDUCATOR',
      'EXPERIENCED_TO_PRACTICE_SUPERVISOR',
    ]);
    expect(byKey.get('EXPERIENCED_TO_ADVANCED_PRACTITIONER')!.outcome.gap).toBe(
      '2 more approved pieces of service-user feedback at Experienced social worker level or above, ' +
        'dated within the last 24 months, in Values and Ethics',
    );
    expect(byKey.get('EXPERIENCED_TO_PRACTICE_EDUCATOR')!.outcome.gap).toBe('Meet both of these criteria');
    for (const route of result.routes) {
      expect(route.eligible).toBe(false);
      expect(route.closeness).toBeGreaterThan(0);
      expect(route.closeness).toBeLessThan(1);
    }
  });
});
