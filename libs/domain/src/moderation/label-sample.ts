import type { LabelledSample, SampleCandidate } from './moderation.types.js';

/** A, B, …, Z, AA, AB, …: the letter label of the n-th item (from 0). */
export function letterLabel(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/**
 * The labels a pack shows for its sample, in drawn order: "Practitioner A", "Practitioner B", …, and
 * "Assessor 1", "Assessor 2", … numbered as the assessors first appear, the same label for each
 * ASYE one assessor assessed. Worked out again from the stored order whenever a pack is read.
 */
export function labelSample(sample: readonly SampleCandidate[]): LabelledSample[] {
  const assessors = new Map<string, number>();
  return sample.map((s, i) => {
    if (!assessors.has(s.assessorUserId)) assessors.set(s.assessorUserId, assessors.size + 1);
    return {
      asyeId: s.asyeId,
      assessorUserId: s.assessorUserId,
      practitionerLabel: `Practitioner ${letterLabel(i)}`,
      assessorLabel: `Assessor ${assessors.get(s.assessorUserId)}`,
    };
  });
}
