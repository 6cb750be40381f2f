import type { PackAnonymiser } from '#app/domain';
import type { PortfolioDocument } from '../portfolio-exports/portfolio-document.js';

/**
 * A portfolio document as a moderation pack prints it: the practitioner and every reviewer by their
 * label, registration numbers by placeholder, every free text through the pack's anonymiser, and no
 * verification code (a code's answer names who signed).
 */
export function anonymisePortfolioDocument(
  document: PortfolioDocument,
  practitionerUserId: string,
  anonymiser: PackAnonymiser,
): PortfolioDocument {
  const text = (value: string) => anonymiser.text(value);
  return {
    ...document,
    anonymised: true,
    practitioner: {
      name: anonymiser.labelOf(practitionerUserId),
      regulator: document.practitioner.regulator,
      registrationNumber: document.practitioner.registrationNumber
        ? anonymiser.registrationOf(practitionerUserId)
        : null,
    },
    currentStage: document.currentStage && {
      name: text(document.currentStage.name),
      pathwayName: text(document.currentStage.pathwayName),
      since: document.currentStage.since,
    },
    coverage: {
      framework: document.coverage.framework,
      rows: document.coverage.rows.map((r) => ({ ...r, title: text(r.title) })),
    },
    pieces: document.pieces.map((p) => ({
      title: text(p.title),
      kind: p.kind,
      dates: p.dates,
      hours: p.hours,
      sections: p.sections.map((s) => ({ heading: text(s.heading), text: text(s.text) })),
      mappings: p.mappings.map((m) => ({ text: text(m.text), comment: m.comment && text(m.comment) })),
      signOff: p.signOff && {
        reviewerUserId: p.signOff.reviewerUserId,
        reviewerName: anonymiser.labelOf(p.signOff.reviewerUserId),
        capacity: p.signOff.capacity,
        qualification: p.signOff.qualification,
        registration: p.signOff.registration ? anonymiser.registrationOf(p.signOff.reviewerUserId) : null,
        decidedOn: p.signOff.decidedOn,
        verificationCode: null,
        comment: text(p.signOff.comment),
      },
    })),
  };
}
