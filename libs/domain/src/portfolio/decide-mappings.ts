import { DomainError } from '../errors.js';
import type {
  DecidedMapping,
  DecideMappingsInput,
  MappingDecisionInput,
  MappingDecisionProblem,
} from './portfolio.types.js';

const FIELD = 'input.mappingDecisions';

/**
 * Applies a reviewer's decisions to the claimed mappings of a submitted version and returns the
 * decided ones, in the order of `mappings`. The accepted level is the claimed one for ACCEPTED,
 * the given one for ACCEPTED_AT_OTHER_LEVEL and `null` for NOT_ACCEPTED.
 *
 * Every refusal is MAPPING_DECISION_MISSING on `input.mappingDecisions`, with `meta.reason` and
 * `meta.mappingIds` saying which decisions are at fault:
 * - UNKNOWN_MAPPING: a decision for a mapping this version does not claim;
 * - DUPLICATE_DECISION: two decisions for one mapping;
 * - LEVEL_REQUIRED: ACCEPTED_AT_OTHER_LEVEL without a level;
 * - DECISION_MISSING: APPROVE leaves a mapping undecided;
 * - NONE_ACCEPTED: APPROVE accepts no mapping (approved evidence must evidence something).
 * REQUEST_CHANGES may decide none, some or all mappings.
 * Whether a given level or pathway exists in the framework is for the caller to check.
 */
export function decideMappings(input: DecideMappingsInput): DecidedMapping[] {
  const { outcome, mappings, decisions } = input;

  const claimedIds = new Set(mappings.map((m) => m.mappingId));
  const unknown = decisions.filter((d) => !claimedIds.has(d.mappingId)).map((d) => d.mappingId);
  if (unknown.length > 0) {
    refuse('UNKNOWN_MAPPING', 'Some decisions are for mappings this evidence does not claim.', unknown);
  }

  const byId = new Map<string, MappingDecisionInput>();
  const duplicated = new Set<string>();
  for (const decision of decisions) {
    if (byId.has(decision.mappingId)) duplicated.add(decision.mappingId);
    byId.set(decision.mappingId, decision);
  }
  if (duplicated.size > 0) {
    refuse('DUPLICATE_DECISION', 'Each mapping can be decided only once.', [...duplicated]);
  }

  const levelless = decisions
    .filter((d) => d.decision === 'ACCEPTED_AT_OTHER_LEVEL' && !d.levelCode)
    .map((d) => d.mappingId);
  if (levelless.length > 0) {
    refuse(
      'LEVEL_REQUIRED',
      'Say which level a mapping is accepted at when it is not the claimed one.',
      levelless,
    );
  }

  if (outcome === 'APPROVE') {
    const undecided = mappings.filter((m) => !byId.has(m.mappingId)).map((m) => m.mappingId);
    if (undecided.length > 0) {
      refuse('DECISION_MISSING', 'To approve evidence, decide every mapping it claims.', undecided);
    }
    if (!decisions.some((d) => d.decision !== 'NOT_ACCEPTED')) {
      refuse('NONE_ACCEPTED', 'To approve evidence, accept at least one of its mappings.', []);
    }
  }

  const decided: DecidedMapping[] = [];
  for (const mapping of mappings) {
    const decision = byId.get(mapping.mappingId);
    if (decision === undefined) continue;
    const comment = decision.comment ?? null;
    switch (decision.decision) {
      case 'ACCEPTED':
        decided.push({
          mappingId: mapping.mappingId,
          decision: 'ACCEPTED',
          acceptedLevelCode: mapping.claimedLevelCode,
          acceptedPathwayCode: mapping.claimedPathwayCode,
          comment,
        });
        break;
      case 'ACCEPTED_AT_OTHER_LEVEL':
        decided.push({
          mappingId: mapping.mappingId,
          decision: 'ACCEPTED_AT_OTHER_LEVEL',
          acceptedLevelCode: decision.levelCode ?? null,
          acceptedPathwayCode: decision.pathwayCode ?? null,
          comment,
        });
        break;
      case 'NOT_ACCEPTED':
        decided.push({
          mappingId: mapping.mappingId,
          decision: 'NOT_ACCEPTED',
          acceptedLevelCode: null,
          acceptedPathwayCode: null,
          comment,
        });
        break;
    }
  }
  return decided;
}

function refuse(reason: MappingDecisionProblem, message: string, mappingIds: string[]): never {
  throw new DomainError('MAPPING_DECISION_MISSING', message, FIELD, { reason, mappingIds });
}
