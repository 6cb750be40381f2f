import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { decideMappings as sut } from './decide-mappings.js';
import {
  MAPPING_DECISIONS,
  type ClaimedMapping,
  type DecideMappingsInput,
  type MappingDecisionInput,
} from './portfolio.types.js';

const M1: ClaimedMapping = { mappingId: 'm1', claimedLevelCode: 'SOCIAL_WORKER', claimedPathwayCode: null };
const M2: ClaimedMapping = {
  mappingId: 'm2',
  claimedLevelCode: 'ADVANCED',
  claimedPathwayCode: 'ADV_EDUCATOR',
};
const M3: ClaimedMapping = { mappingId: 'm3', claimedLevelCode: 'ASYE', claimedPathwayCode: null };
const MAPPINGS = [M1, M2, M3];

const accept = (mappingId: string, comment?: string): MappingDecisionInput => ({
  mappingId,
  decision: 'ACCEPTED',
  comment,
});
const reject = (mappingId: string): MappingDecisionInput => ({ mappingId, decision: 'NOT_ACCEPTED' });
const acceptAt = (
  mappingId: string,
  levelCode: string | null,
  pathwayCode?: string | null,
): MappingDecisionInput => ({
  mappingId,
  decision: 'ACCEPTED_AT_OTHER_LEVEL',
  levelCode,
  pathwayCode,
});

function expectRefusal(input: DecideMappingsInput, reason: string, mappingIds: string[]): void {
  const act = () => sut(input);
  expect(act).toThrow(DomainError);
  expect(act).toThrow(
    expect.objectContaining({
      code: 'MAPPING_DECISION_MISSING',
      field: 'input.mappingDecisions',
      meta: { reason, mappingIds },
    }),
  );
}

describe('decideMappings', () => {
  it('should record the accepted level for each kind of decision, in the order of the mappings', () => {
    const result = sut({
      outcome: 'APPROVE',
      mappings: MAPPINGS,
      decisions: [reject('m3'), acceptAt('m2', 'EXPERIENCED_SOCIAL_WORKER'), accept('m1', 'Clear impact.')],
    });
    expect(result).toEqual([
      {
        mappingId: 'm1',
        decision: 'ACCEPTED',
        acceptedLevelCode: 'SOCIAL_WORKER',
        acceptedPathwayCode: null,
        comment: 'Clear impact.',
      },
      {
        mappingId: 'm2',
        decision: 'ACCEPTED_AT_OTHER_LEVEL',
        acceptedLevelCode: 'EXPERIENCED_SOCIAL_WORKER',
        acceptedPathwayCode: null,
        comment: null,
      },
      {
        mappingId: 'm3',
        decision: 'NOT_ACCEPTED',
        acceptedLevelCode: null,
        acceptedPathwayCode: null,
        comment: null,
      },
    ]);
  });

  it.each<[string, MappingDecisionInput, object]>([
    [
      'keep the claimed pathway when ACCEPTED, ignoring any level given',
      { mappingId: 'm2', decision: 'ACCEPTED', levelCode: 'STRATEGIC', pathwayCode: 'STRAT_PSW' },
      { acceptedLevelCode: 'ADVANCED', acceptedPathwayCode: 'ADV_EDUCATOR' },
    ],
    [
      'take the given pathway when ACCEPTED_AT_OTHER_LEVEL',
      acceptAt('m2', 'STRATEGIC', 'STRAT_EDUCATOR'),
      { acceptedLevelCode: 'STRATEGIC', acceptedPathwayCode: 'STRAT_EDUCATOR' },
    ],
    [
      'drop the claimed pathway when ACCEPTED_AT_OTHER_LEVEL gives none',
      acceptAt('m2', 'EXPERIENCED_SOCIAL_WORKER'),
      { acceptedLevelCode: 'EXPERIENCED_SOCIAL_WORKER', acceptedPathwayCode: null },
    ],
    [
      'record nothing as accepted when NOT_ACCEPTED, ignoring any level given',
      { mappingId: 'm2', decision: 'NOT_ACCEPTED', levelCode: 'STRATEGIC', pathwayCode: 'STRAT_PSW' },
      { acceptedLevelCode: null, acceptedPathwayCode: null },
    ],
  ])('should %s', (_label, decision, expected) => {
    const [decided] = sut({ outcome: 'REQUEST_CHANGES', mappings: [M2], decisions: [decision] });
    expect(decided).toEqual(expect.objectContaining(expected));
  });

  it.each<[string, MappingDecisionInput[], string[]]>([
    ['no decisions', [], []],
    ['some decisions', [reject('m2')], ['m2']],
    ['all decisions, none accepted', [reject('m1'), reject('m2'), reject('m3')], ['m1', 'm2', 'm3']],
  ])('should let REQUEST_CHANGES make %s', (_label, decisions, decidedIds) => {
    const result = sut({ outcome: 'REQUEST_CHANGES', mappings: MAPPINGS, decisions });
    expect(result.map((d) => d.mappingId)).toEqual(decidedIds);
  });

  it.each<[string, DecideMappingsInput, string, string[]]>([
    [
      'APPROVE leaves mappings undecided',
      { outcome: 'APPROVE', mappings: MAPPINGS, decisions: [accept('m2')] },
      'DECISION_MISSING',
      ['m1', 'm3'],
    ],
    [
      'APPROVE decides nothing',
      { outcome: 'APPROVE', mappings: MAPPINGS, decisions: [] },
      'DECISION_MISSING',
      ['m1', 'm2', 'm3'],
    ],
    [
      'APPROVE accepts no mapping',
      { outcome: 'APPROVE', mappings: MAPPINGS, decisions: [reject('m1'), reject('m2'), reject('m3')] },
      'NONE_ACCEPTED',
      [],
    ],
    [
      'APPROVE is given evidence with no mappings',
      { outcome: 'APPROVE', mappings: [], decisions: [] },
      'NONE_ACCEPTED',
      [],
    ],
    [
      'a decision names a mapping the evidence does not claim',
      {
        outcome: 'REQUEST_CHANGES',
        mappings: MAPPINGS,
        decisions: [accept('m1'), reject('m9'), accept('m8')],
      },
      'UNKNOWN_MAPPING',
      ['m9', 'm8'],
    ],
    [
      'a mapping is decided twice',
      {
        outcome: 'APPROVE',
        mappings: MAPPINGS,
        decisions: [accept('m1'), accept('m2'), reject('m3'), reject('m1')],
      },
      'DUPLICATE_DECISION',
      ['m1'],
    ],
    [
      'ACCEPTED_AT_OTHER_LEVEL has no level',
      {
        outcome: 'REQUEST_CHANGES',
        mappings: MAPPINGS,
        decisions: [acceptAt('m1', null), acceptAt('m2', '')],
      },
      'LEVEL_REQUIRED',
      ['m1', 'm2'],
    ],
    [
      'ACCEPTED_AT_OTHER_LEVEL leaves the level out',
      {
        outcome: 'REQUEST_CHANGES',
        mappings: MAPPINGS,
        decisions: [{ mappingId: 'm3', decision: 'ACCEPTED_AT_OTHER_LEVEL' }],
      },
      'LEVEL_REQUIRED',
      ['m3'],
    ],
    [
      'an unknown mapping is decided under APPROVE with others missing (unknown first)',
      { outcome: 'APPROVE', mappings: MAPPINGS, decisions: [accept('m9')] },
      'UNKNOWN_MAPPING',
      ['m9'],
    ],
  ])('should refuse when %s', (_label, input, reason, mappingIds) => {
    expectRefusal(input, reason, mappingIds);
  });

  it('should approve when one mapping is accepted at another level and the rest are not accepted', () => {
    const result = sut({
      outcome: 'APPROVE',
      mappings: MAPPINGS,
      decisions: [reject('m1'), acceptAt('m2', 'STRATEGIC', 'STRAT_EDUCATOR'), reject('m3')],
    });
    expect(result).toHaveLength(3);
  });

  it('should, for any complete APPROVE with an acceptance, decide every mapping in the mappings’ order', () => {
    const scenario = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
      .chain((ids) =>
        fc.record({
          ids: fc.constant(ids),
          kinds: fc.array(fc.constantFrom(...MAPPING_DECISIONS), {
            minLength: ids.length,
            maxLength: ids.length,
          }),
          acceptedIndex: fc.nat({ max: ids.length - 1 }),
          decisionOrder: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ ids, kinds, acceptedIndex, decisionOrder }) => {
        kinds[acceptedIndex] = 'ACCEPTED';
        const kindOf = new Map(ids.map((id, i) => [id, kinds[i]!]));
        const mappings = ids.map((id) => ({
          mappingId: id,
          claimedLevelCode: `L-${id}`,
          claimedPathwayCode: null,
        }));
        const decisions = decisionOrder.map((id) => ({
          mappingId: id,
          decision: kindOf.get(id)!,
          levelCode: `OTHER-${id}`,
        }));

        const result = sut({ outcome: 'APPROVE', mappings, decisions });

        expect(result.map((d) => d.mappingId)).toEqual(ids);
        for (const decided of result) {
          expect(decided.decision).toBe(kindOf.get(decided.mappingId));
          expect(decided.acceptedLevelCode).toBe(
            {
              ACCEPTED: `L-${decided.mappingId}`,
              ACCEPTED_AT_OTHER_LEVEL: `OTHER-${decided.mappingId}`,
              NOT_ACCEPTED: null,
            }[decided.decision],
          );
        }
      }),
    );
  });
});
