/** How a moderation sample is drawn from the eligible ASYEs. */
export const SAMPLING_METHODS = ['RANDOM', 'STRATIFIED_BY_ASSESSOR'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/** An ASYE that may be drawn, with the assessor it is stratified by. */
export interface SampleCandidate {
  asyeId: string;
  assessorUserId: string;
}

export interface SampleRequest {
  size: number;
  method: SamplingMethod;
  /** A 32-bit unsigned integer: the same candidates, size, method and seed draw the same sample. */
  seed: number;
}

/** One sampled ASYE with the labels a pack shows instead of names. */
export interface LabelledSample {
  asyeId: string;
  assessorUserId: string;
  /** "Practitioner A", "Practitioner B", … in the order drawn. */
  practitionerLabel: string;
  /** "Assessor 1", "Assessor 2", … in the order the assessors first appear in the sample. */
  assessorLabel: string;
}

/** A person whose name and registration number a pack replaces. */
export interface PackPerson {
  userId: string;
  name: string;
  registrationNumber: string | null;
}

/**
 * Everyone a pack may name: the sampled practitioners (in sample order), their assessors (in the
 * order of first appearance), and anyone else whose name the portfolios carry (other reviewers, line
 * managers). A person is labelled by the first of these lists they are in.
 */
export interface PackPeople {
  practitioners: readonly PackPerson[];
  assessors: readonly PackPerson[];
  others: readonly PackPerson[];
}

/** Replaces, consistently across one pack, the names, registration numbers and identifiers it holds. */
export interface PackAnonymiser {
  /** The label of a person of the pack ("Practitioner A", "Assessor 1", "Colleague 1"), or "Someone". */
  labelOf(userId: string): string;
  /** The placeholder of a person's registration number. */
  registrationOf(userId: string): string;
  /** The text with every name, registration number and detected identifier replaced. */
  text(value: string): string;
}
