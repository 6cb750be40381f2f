import {
  DomainError,
  londonDateOf,
  type CpdComplianceFacts,
  type CpdPieceFacts,
  type EvidenceStatus,
} from '#app/domain';
import type { CpdDeclarationEntity, CpdPieceRow, MemberFacts } from '#app/persistence';
import { hoursFromDecimal } from '../../common/hours.js';

/**
 * The first day of a member's registration, where a rule set needs one (periods anchored on the
 * registration: Wales, Scotland, Northern Ireland; SWE's joiner exemption). Pathways does not store
 * the register's own date, so the day the social worker qualified stands for it (registration
 * follows qualifying), or, when that is not recorded, the day they joined this organisation.
 */
export function registrationStartOf(member: Pick<MemberFacts, 'dateQualified' | 'memberSince'>): string {
  return member.dateQualified ?? londonDateOf(member.memberSince);
}

/** A stored version of a CPD activity as the CPD rules see it. */
export function toCpdPiece(version: CpdPieceRow): CpdPieceFacts {
  return {
    evidenceId: version.evidenceId,
    kind: version.kind,
    date: version.dateFrom,
    endDate: version.dateTo,
    hours: version.hours === null ? null : hoursFromDecimal(version.hours),
    title: version.title,
    description: version.description,
    learning: version.learning,
    impact: version.impact,
    hasPeerReflection: (version.peerReflection ?? '').trim() !== '',
    status: version.status as EvidenceStatus,
  };
}

/**
 * What `evaluateCpdCompliance` needs about one member: their regulator, registration start, the
 * newest version of each of their CPD activities (any sign-off status: SWE counts what the
 * practitioner records), and their declarations to that regulator.
 */
export function toCpdComplianceFacts(
  member: MemberFacts,
  /** This member's pieces and declarations (others' are ignored). */
  pieces: readonly CpdPieceRow[],
  declarations: readonly CpdDeclarationEntity[],
  field = 'practitionerUserId',
): CpdComplianceFacts {
  if (member.regulator === null) {
    throw new DomainError(
      'REGULATOR_REQUIRED',
      'No regulator is recorded for this practitioner, so their CPD rules are not known.',
      field,
    );
  }
  const regulator = member.regulator;
  return {
    regulator,
    registeredFrom: registrationStartOf(member),
    pieces: pieces.filter((p) => p.ownerUserId === member.userId).map(toCpdPiece),
    declarations: declarations
      .filter((d) => d.userId === member.userId && d.regulator === regulator)
      .map((d) => ({ madeOn: d.madeOn })),
  };
}
