import type {
  AssessorCapacity,
  CpdActivityType,
  EvidenceKind,
  EvidenceStatus,
  MappingDecision,
  MappingTargetsQuery,
} from '../data/generated/graphql.js';
import { mappingTarget, type LevelledVersions } from './evidenceForm.js';

/** A status as a GOV.UK tag: words a practitioner uses, and a colour that does not carry meaning alone. */
export function statusTag(status: EvidenceStatus): { text: string; classes: string } {
  switch (status) {
    case 'DRAFT':
      return { text: 'Draft', classes: 'govuk-tag--grey' };
    case 'SUBMITTED':
      return { text: 'Waiting for review', classes: 'govuk-tag--blue' };
    case 'CHANGES_REQUESTED':
      return { text: 'Changes requested', classes: 'govuk-tag--orange' };
    case 'APPROVED':
      return { text: 'Approved', classes: 'govuk-tag--green' };
  }
}

export const STATUS_FILTERS: { value: EvidenceStatus | ''; text: string }[] = [
  { value: '', text: 'Any status' },
  { value: 'DRAFT', text: 'Draft' },
  { value: 'SUBMITTED', text: 'Waiting for review' },
  { value: 'CHANGES_REQUESTED', text: 'Changes requested' },
  { value: 'APPROVED', text: 'Approved' },
];

export function isEvidenceStatus(value: unknown): value is EvidenceStatus {
  return STATUS_FILTERS.some((s) => s.value !== '' && s.value === value);
}

const CAPACITY_NAMES: Record<AssessorCapacity, string> = {
  ASYE_ASSESSOR: 'ASYE assessor',
  PRACTICE_EDUCATOR: 'Practice educator',
  SUPERVISOR: 'Supervisor',
};

export function capacityName(capacity: AssessorCapacity): string {
  return CAPACITY_NAMES[capacity];
}

const DECISION_WORDS: Record<MappingDecision, string> = {
  ACCEPTED: 'Accepted',
  ACCEPTED_AT_OTHER_LEVEL: 'Accepted at another level',
  NOT_ACCEPTED: 'Not accepted',
};

export function mappingDecisionText(decision: MappingDecision | null, acceptedLevel?: string | null): string {
  if (!decision) return 'Not decided yet';
  return decision === 'ACCEPTED_AT_OTHER_LEVEL' && acceptedLevel
    ? `Accepted at ${acceptedLevel}`
    : DECISION_WORDS[decision];
}

/** The reviewers a practitioner may submit to: one radio each, naming the person and their capacity. */
export function reviewerChoices(
  relationships: { assessorUserId: string; capacity: AssessorCapacity; assessor: { fullName: string } }[],
): { value: string; text: string; needsPlacement: boolean }[] {
  const seen = new Set<string>();
  return relationships
    .filter((r) => {
      const key = `${r.assessorUserId}|${r.capacity}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({
      value: r.assessorUserId,
      text: `${r.assessor.fullName} (${capacityName(r.capacity)})`,
      // A practice educator signs off either placement, so the student says which (the API asks).
      needsPlacement: r.capacity === 'PRACTICE_EDUCATOR',
    }));
}

export interface PickerGroup {
  label: string;
  options: { value: string; text: string }[];
}

/** What a mapping may claim: every current framework version's items by name, grouped by framework; never codes. */
export interface MappingPicker {
  items: PickerGroup[];
  levels: PickerGroup[];
  levelled: LevelledVersions;
}

/** Super-domains group the PCF's nine domains; evidence is mapped to the domains themselves. */
const GROUPING_KINDS = new Set(['SUPER_DOMAIN']);

export function mappingPicker(frameworks: MappingTargetsQuery['frameworks']): MappingPicker {
  const items: PickerGroup[] = [];
  const levels: PickerGroup[] = [];
  const levelled = new Set<string>();
  // The PCF first: it is what most evidence is mapped to.
  const ordered = [...frameworks].sort((a, b) => Number(b.code === 'PCF') - Number(a.code === 'PCF'));
  for (const framework of ordered) {
    for (const version of framework.versions.filter((v) => v.status === 'CURRENT')) {
      const label = `${framework.name} (${version.version})`;
      items.push({
        label,
        options: version.items
          .filter((i) => !GROUPING_KINDS.has(i.kind))
          .map((i) => ({ value: mappingTarget(framework.code, version.version, i.code), text: i.title })),
      });
      if (version.levels.length) {
        levelled.add(`${framework.code}|${version.version}`);
        levels.push({ label, options: version.levels.map((l) => ({ value: l.code, text: l.name })) });
      }
    }
  }
  return { items, levels, levelled };
}

/** Today in the UK, as the API's dates are. */
export function ukToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

export const EVIDENCE_KINDS: { value: EvidenceKind; text: string; hint?: string }[] = [
  { value: 'CPD_ACTIVITY', text: 'CPD activity', hint: 'Training, reading, a webinar, shadowing…' },
  { value: 'DIRECT_OBSERVATION', text: 'Direct observation of practice' },
  { value: 'CRITICAL_REFLECTION', text: 'Critical reflection' },
  { value: 'SUPERVISION_REFLECTION', text: 'Reflection on supervision' },
  { value: 'SERVICE_USER_FEEDBACK', text: 'Feedback from a person who uses services' },
  { value: 'PROFESSIONAL_FEEDBACK', text: 'Feedback from another professional' },
  { value: 'WRITTEN_REPORT', text: 'Written report (anonymised)' },
  { value: 'CERTIFICATE', text: 'Certificate of learning' },
];

export const CPD_ACTIVITY_TYPES: { value: CpdActivityType; text: string }[] = [
  { value: 'TRAINING', text: 'Training' },
  { value: 'E_LEARNING', text: 'E-learning' },
  { value: 'READING_OR_RESEARCH', text: 'Reading or research' },
  { value: 'PODCAST_OR_WEBINAR', text: 'Podcast or webinar' },
  { value: 'CONFERENCE', text: 'Conference' },
  { value: 'SHADOWING', text: 'Shadowing' },
  { value: 'SUPERVISION', text: 'Supervision' },
  { value: 'FEEDBACK', text: 'Feedback' },
  { value: 'TEACHING_OR_PRESENTING', text: 'Teaching or presenting' },
  { value: 'PROJECT_WORK', text: 'Project work' },
  { value: 'ASYE_WORK', text: 'ASYE work' },
  { value: 'OTHER', text: 'Other' },
];

export function kindName(kind: EvidenceKind): string {
  return EVIDENCE_KINDS.find((k) => k.value === kind)?.text ?? kind;
}

export function cpdActivityTypeName(type: CpdActivityType | null): string {
  return CPD_ACTIVITY_TYPES.find((t) => t.value === type)?.text ?? '';
}

/** A file size in the words a person reads. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
