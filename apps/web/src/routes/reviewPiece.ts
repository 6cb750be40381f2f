import type { Request } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  EvidenceForReviewDocument,
  FrameworkLevelsDocument,
  type EvidenceForReviewQuery,
  type FrameworkLevelsQuery,
} from '../data/generated/graphql.js';
import { levelChoiceValue, mappingLabel, otherLevelChoices } from '../presenters/reviewDecisionForm.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Version = EvidenceForReviewQuery['evidence']['versions'][number];
type Levels = FrameworkLevelsQuery['framework']['levels'];

/** One submitted version as the reviewer reads it, with the levels its mappings could be accepted at. */
export interface ReviewPiece {
  owner: { id: string; fullName: string };
  version: Version;
  isCurrent: boolean;
  decidable: boolean;
  levelsByFramework: Map<string, Levels>;
}

const frameworkKey = (f: { frameworkCode: string; version: string }) => `${f.frameworkCode}@${f.version}`;

/** The single review page of a piece. */
export const reviewHref = (p: { evidenceId: string; versionId: string }) =>
  `/reviews/${p.evidenceId}/versions/${p.versionId}`;

/** A piece the reviewer may no longer see (withdrawn, or their assignment ended) reads as none. */
export function withdrawnAsNull(error: unknown): null {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
  throw error;
}

/** The exact version asked for, with the levels its mappings could be accepted at; null if there is none. */
export async function loadReviewPiece(
  req: Request,
  evidenceId: string,
  versionId: string,
): Promise<ReviewPiece | null> {
  if (!UUID.test(evidenceId) || !UUID.test(versionId)) return null;
  const { evidence } = await req.api(EvidenceForReviewDocument, { evidenceId });
  const version = evidence.versions.find((v) => v.id === versionId);
  if (!version) return null;
  const decidable = version.status === 'SUBMITTED' && version.reviewer?.id === req.session.user!.userId;
  const levelsByFramework = new Map<string, Levels>();
  if (decidable) {
    const frameworks = [
      ...new Map(version.mappings.map((m) => [frameworkKey(m.framework), m.framework])).values(),
    ];
    const answers = await Promise.all(
      frameworks.map((f) => req.api(FrameworkLevelsDocument, { code: f.frameworkCode, version: f.version })),
    );
    frameworks.forEach((f, i) => levelsByFramework.set(frameworkKey(f), answers[i]!.framework.levels));
  }
  return {
    owner: evidence.owner,
    version,
    isCurrent: evidence.current.id === version.id,
    decidable,
    levelsByFramework,
  };
}

/** Each claimed mapping as the decision form shows it: its label and the other levels it could be accepted at. */
export function mappingsToDecide(piece: ReviewPiece) {
  return piece.version.mappings.map((m, row) => ({
    ...m,
    row,
    label: mappingLabel(m),
    acceptedLabel: m.acceptedLevel
      ? mappingLabel({ item: m.item, level: m.acceptedLevel, pathway: m.acceptedPathway })
      : undefined,
    levelChoices: otherLevelChoices(piece.levelsByFramework.get(frameworkKey(m.framework)) ?? [], {
      levelCode: m.level?.code ?? null,
      pathwayCode: m.pathway?.code ?? null,
    }),
    claimedValue: m.level ? levelChoiceValue(m.level.code, m.pathway?.code) : '',
  }));
}
