import { scanForIdentifiers, type EvidenceKind } from '#app/domain';
import type {
  AttachmentEntity,
  EvidenceMappingEntity,
  EvidenceVersionEntity,
  StoredIdentifierWarning,
} from '#app/persistence';
import { decimalHoursFromHours } from '../../common/hours.js';
import type { UpdateEvidenceInput } from './dto/update-evidence.input.js';
import type { ResolvedMapping } from './mapping-targets.service.js';

// What a version of evidence says, apart from the workflow: an edit applied to it, what changed and
// what the audit trail may record of that, and the identifier warnings its text carries.

/** Free-text fields scanned for identifiers of people who use services (rationales and file names too). */
export const TEXT_FIELDS = [
  'title',
  'description',
  'learning',
  'impact',
  'peerReflection',
  'peerRole',
] as const;

/** Fields whose values the audit trail may record (free text is named, never copied). */
const AUDITED_VALUES = new Set(['kind', 'cpdActivityType', 'dateFrom', 'dateTo', 'hours', 'peerDiscussedOn']);

/** What a version says: everything but its place in the workflow. */
export type EvidenceContent = Pick<
  EvidenceVersionEntity,
  | 'kind'
  | 'cpdActivityType'
  | 'title'
  | 'dateFrom'
  | 'dateTo'
  | 'hours'
  | 'description'
  | 'learning'
  | 'impact'
  | 'peerReflection'
  | 'peerRole'
  | 'peerDiscussedOn'
>;

export function applyChanges(current: EvidenceVersionEntity, input: UpdateEvidenceInput): EvidenceContent {
  const peer = input.removePeerReflection
    ? { peerReflection: null, peerRole: null, peerDiscussedOn: null }
    : input.peerReflection
      ? {
          peerReflection: input.peerReflection.text,
          peerRole: input.peerReflection.peerRole ?? null,
          peerDiscussedOn: input.peerReflection.discussedOn ?? null,
        }
      : {
          peerReflection: current.peerReflection,
          peerRole: current.peerRole,
          peerDiscussedOn: current.peerDiscussedOn,
        };
  return {
    kind: current.kind as EvidenceKind,
    cpdActivityType: input.cpdActivityType !== undefined ? input.cpdActivityType : current.cpdActivityType,
    title: input.title?.trim() ?? current.title,
    dateFrom: input.dateFrom ?? current.dateFrom,
    dateTo: input.dateTo !== undefined ? input.dateTo : current.dateTo,
    hours:
      input.hours === undefined
        ? current.hours
        : input.hours === null
          ? null
          : decimalHoursFromHours(input.hours),
    description: input.description ?? current.description,
    learning: input.learning ?? current.learning,
    impact: input.impact ?? current.impact,
    ...peer,
  };
}

export function changedFields(
  before: EvidenceContent,
  after: EvidenceContent,
  mappingsReplaced: boolean,
): string[] {
  const fields = (Object.keys(after) as (keyof EvidenceContent)[]).filter((k) => before[k] !== after[k]);
  const named = fields.map((f) => (f === 'peerRole' || f === 'peerDiscussedOn' ? 'peerReflection' : f));
  return [...new Set(mappingsReplaced ? [...named, 'mappings'] : named)];
}

/** What the audit trail records of an edit: field names, and values only for non-free-text fields. */
export function describeChanges(
  before: EvidenceContent,
  after: EvidenceContent,
  changed: string[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of changed) {
    if (AUDITED_VALUES.has(field)) {
      values[field] = {
        from: before[field as keyof EvidenceContent],
        to: after[field as keyof EvidenceContent],
      };
    }
  }
  return { fields: changed, ...values };
}

/**
 * The version's warnings: its own text, each mapping's rationale as `mappings[i].rationale`, and each
 * file's name as `attachments[i].fileName` (in the order the version lists its attachments).
 */
export function scanVersion(
  content: EvidenceContent,
  mappings: readonly ResolvedMapping[],
  files: readonly Pick<AttachmentEntity, 'fileName'>[],
): StoredIdentifierWarning[] {
  return [
    ...scanForIdentifiers([
      ...TEXT_FIELDS.map((field) => [field, content[field]] as const),
      ...mappings.map((m, i) => [`mappings[${i}].rationale`, m.rationale] as const),
    ]),
    ...scanFileNames(files),
  ];
}

export function scanFileNames(
  files: readonly Pick<AttachmentEntity, 'fileName'>[],
): StoredIdentifierWarning[] {
  return scanForIdentifiers(files.map((f, i) => [`attachments[${i}].fileName`, f.fileName] as const));
}

export function rationales(mappings: readonly Pick<ResolvedMapping, 'rationale'>[]): string[] {
  return mappings.map((m) => m.rationale);
}

export function toResolved(m: EvidenceMappingEntity): ResolvedMapping {
  return {
    frameworkItemId: m.frameworkItemId,
    frameworkLevelId: m.frameworkLevelId,
    frameworkLevelPathwayId: m.frameworkLevelPathwayId,
    rationale: m.rationale,
  };
}
