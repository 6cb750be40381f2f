import type { IsoDate } from '../calendar/iso-date.js';

/** A framework version in Pathways' own terms: what the seed files hold and the tables store. */
export interface FrameworkVersionContent {
  framework: { code: string; name: string; owner: string; description: string };
  version: {
    version: string;
    status: 'CURRENT' | 'RETIRED';
    effectiveFrom: IsoDate;
    effectiveTo: IsoDate | null;
    notes: string | null;
  };
  /** Items in reading order; `ordinal` is the position among siblings, from 1. */
  items: FrameworkItemContent[];
  levels: FrameworkLevelContent[];
}

export interface FrameworkItemContent {
  code: string;
  kind: string;
  parentCode: string | null;
  ordinal: number;
  title: string;
  description: string;
  confirmed: boolean;
  attributes: Record<string, unknown>;
  /** Links to items of this or another framework version (CASE associations other than isChildOf). */
  alignments: FrameworkAlignment[];
}

export interface FrameworkLevelContent {
  code: string;
  ordinal: number;
  name: string;
  group: string;
  description: string;
  confirmed: boolean;
  pathways: { code: string; name: string; description: string; confirmed: boolean }[];
}

/** CASE association types Pathways keeps between items (isChildOf is the hierarchy itself). */
export const ALIGNMENT_TYPES = [
  'exactMatchOf',
  'isRelatedTo',
  'isPeerOf',
  'isPartOf',
  'precedes',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
] as const;
export type AlignmentType = (typeof ALIGNMENT_TYPES)[number];

/** A link from an item to an item of a framework version, by codes. */
export interface FrameworkAlignment {
  type: AlignmentType;
  frameworkCode: string;
  version: string;
  itemCode: string;
}

/** CFItemType of the CFItems that carry levels and their pathways (see the README's choice). */
export const LEVEL_ITEM_TYPE = 'Level';
export const LEVEL_PATHWAY_ITEM_TYPE = 'Level pathway';

/** A CASE package that parsed, with alignments to other frameworks still to be checked. */
export interface ParsedCasePackage {
  content: FrameworkVersionContent;
  /** Alignments pointing outside the document: the caller checks each target exists. */
  externalAlignments: { itemCode: string; alignment: FrameworkAlignment; field: string }[];
}

/** Why a CASE package was refused, in the error's `meta.reason`. */
export const CASE_PROBLEMS = [
  'MALFORMED_JSON',
  'NOT_AN_OBJECT',
  'MISSING',
  'INVALID_VALUE',
  'TOO_MANY',
  'DUPLICATE_IDENTIFIER',
  'DUPLICATE_CODE',
  'DUPLICATE_ORDINAL',
  'UNKNOWN_ITEM',
  'UNKNOWN_ASSOCIATION_TYPE',
  'MULTIPLE_PARENTS',
  'INVALID_HIERARCHY',
  'CYCLE',
] as const;
export type CaseProblem = (typeof CASE_PROBLEMS)[number];
