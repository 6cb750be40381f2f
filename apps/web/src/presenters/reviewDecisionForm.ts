import type {
  MappingDecision,
  MappingDecisionInput,
  ReviewEvidenceInput,
  ReviewOutcome,
} from '../data/generated/graphql.js';

const DECISIONS: readonly MappingDecision[] = ['ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL', 'NOT_ACCEPTED'];
const OUTCOMES: readonly ReviewOutcome[] = ['APPROVE', 'REQUEST_CHANGES'];

/** One claimed mapping as the form names it, e.g. "Professionalism at ASYE". */
export interface MappingToDecide {
  id: string;
  label: string;
}

/** What the reviewer typed for one mapping, kept as typed so an error loses nothing. */
export interface MappingDecisionValues {
  decision: string;
  level: string;
  comment: string;
}

export interface ReviewFormValues {
  decisions: MappingDecisionValues[];
  comment: string;
  confirmNoIdentifiers: boolean;
  outcome: string;
}

export type ReviewFormResult =
  | {
      ok: true;
      input: ReviewEvidenceInput;
      /** For each entry of `input.mappingDecisions`, the form row (mapping) it came from. */
      decisionRows: number[];
    }
  | { ok: false; problems: { field: string; text: string }[] };

/** The level picker's value for a level, or a pathway within it: "ADVANCED:EDUCATOR". */
export function levelChoiceValue(levelCode: string, pathwayCode?: string | null): string {
  return pathwayCode ? `${levelCode}:${pathwayCode}` : levelCode;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The review form's body as typed. Rows arrive as `decisions[0][decision]`…; the body parser gives an
 * array, or an object keyed by index once there are more rows than it makes arrays of.
 */
export function readReviewForm(body: Record<string, unknown>, mappingCount: number): ReviewFormValues {
  const rows = (body.decisions ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const decisions = Array.from({ length: mappingCount }, (_, i) => {
    const row = rows[i] ?? {};
    return { decision: text(row.decision), level: text(row.level), comment: text(row.comment) };
  });
  const confirm = body.confirmNoIdentifiers;
  return {
    decisions,
    comment: text(body.comment),
    confirmNoIdentifiers: confirm === 'true' || (Array.isArray(confirm) && confirm.includes('true')),
    outcome: text(body.outcome),
  };
}

/**
 * The `reviewEvidence` input for what the reviewer chose, or the problems to show them first. To
 * approve, every mapping needs a decision and one must be accepted (as the API insists); to request
 * changes, undecided mappings are left out. Comments are trimmed; an empty one is sent as none.
 */
export function reviewInputFrom(
  values: ReviewFormValues,
  target: {
    evidenceVersionId: string;
    revision: number;
    mappings: MappingToDecide[];
    /** The form field a missing outcome is shown at: the comment beside the buttons, or the outcome radios. */
    outcomeField?: string;
  },
): ReviewFormResult {
  const outcome = OUTCOMES.find((o) => o === values.outcome);
  const problems: { field: string; text: string }[] = [];
  if (!outcome)
    problems.push({
      field: target.outcomeField ?? 'comment',
      text: 'Choose to approve or to request changes',
    });
  const mappingDecisions: MappingDecisionInput[] = [];
  const decisionRows: number[] = [];
  target.mappings.forEach((mapping, row) => {
    const typed = values.decisions[row] ?? { decision: '', level: '', comment: '' };
    const decision = DECISIONS.find((d) => d === typed.decision);
    if (!decision) {
      if (outcome === 'APPROVE')
        problems.push({ field: `decisions.${row}.decision`, text: `Decide ${mapping.label}` });
      return;
    }
    const comment = typed.comment.trim();
    const input: MappingDecisionInput = { mappingId: mapping.id, decision };
    if (comment) input.comment = comment;
    if (decision === 'ACCEPTED_AT_OTHER_LEVEL') {
      const [levelCode, pathwayCode] = typed.level.split(':');
      if (!levelCode) {
        problems.push({
          field: `decisions.${row}.level`,
          text: `Choose the level you accept ${mapping.label} at`,
        });
        return;
      }
      input.levelCode = levelCode;
      if (pathwayCode) input.pathwayCode = pathwayCode;
    }
    mappingDecisions.push(input);
    decisionRows.push(row);
  });
  if (
    outcome === 'APPROVE' &&
    problems.length === 0 &&
    !mappingDecisions.some((d) => d.decision !== 'NOT_ACCEPTED')
  ) {
    problems.push({
      field: 'decisions.0.decision',
      text: 'To approve, accept at least one mapping; otherwise request changes',
    });
  }
  if (problems.length > 0 || !outcome) return { ok: false, problems };
  return {
    ok: true,
    decisionRows,
    input: {
      evidenceVersionId: target.evidenceVersionId,
      expectedRevision: target.revision,
      outcome,
      comment: values.comment.trim(),
      confirmNoIdentifiers: values.confirmNoIdentifiers,
      mappingDecisions,
    },
  };
}

/**
 * The form field an API refusal is about: "input.comment" → "comment";
 * "input.mappingDecisions[1].comment" (or ".1.comment") → the comment of the mapping that decision
 * came from; anything else about the decisions → the first mapping's decision.
 */
export function reviewFormFieldOf(apiField: string | undefined, decisionRows: number[]): string {
  const field = (apiField ?? '').replace(/^input\./, '');
  if (field === 'comment') return 'comment';
  const match = /^mappingDecisions(?:\[(\d+)\]|\.(\d+))?(?:\.(\w+))?/.exec(field);
  if (!match) return 'comment';
  const index = match[1] ?? match[2];
  const row = index === undefined ? 0 : (decisionRows[Number(index)] ?? 0);
  const part = match[3];
  const column =
    part === 'comment' ? 'comment' : part === 'levelCode' || part === 'pathwayCode' ? 'level' : 'decision';
  return `decisions.${row}.${column}`;
}

/** "Professionalism at ASYE", "Leadership at Advanced (Educator)", or the item alone without a level. */
export function mappingLabel(mapping: {
  item: { title: string };
  level: { name: string } | null;
  pathway: { name: string } | null;
}): string {
  if (!mapping.level) return mapping.item.title;
  return `${mapping.item.title} at ${mapping.level.name}${mapping.pathway ? ` (${mapping.pathway.name})` : ''}`;
}

/**
 * The level picker for "accept at another level": every level of the mapping's framework version by
 * name, one choice per pathway where a level has them, lowest first, without the level claimed.
 */
export function otherLevelChoices(
  levels: readonly { code: string; name: string; pathways: readonly { code: string; name: string }[] }[],
  claimed: { levelCode: string | null; pathwayCode: string | null },
): { value: string; text: string }[] {
  const claimedValue = claimed.levelCode ? levelChoiceValue(claimed.levelCode, claimed.pathwayCode) : '';
  return levels
    .flatMap((level) =>
      level.pathways.length === 0
        ? [{ value: levelChoiceValue(level.code), text: level.name }]
        : level.pathways.map((p) => ({
            value: levelChoiceValue(level.code, p.code),
            text: `${level.name} (${p.name})`,
          })),
    )
    .filter((choice) => choice.value !== claimedValue);
}
