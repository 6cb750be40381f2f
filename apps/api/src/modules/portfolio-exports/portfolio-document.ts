/** Everything a portfolio PDF prints, gathered before a page is drawn. */
export interface PortfolioDocument {
  generatedOn: string;
  organisationName: string;
  practitioner: { name: string; regulator: string | null; registrationNumber: string | null };
  currentStage: { name: string; pathwayName: string; since: string } | null;
  coverage: {
    framework: string;
    rows: { code: string; title: string; approvedPieces: number; levels: string[] }[];
  };
  pieces: PortfolioPiece[];
  verifyBaseUrl: string;
  /** Set on a moderation pack's copy: names, registrations and identifiers replaced, no verification codes. */
  anonymised?: boolean;
}

export interface PortfolioPiece {
  title: string;
  kind: string;
  dates: string;
  hours: string | null;
  sections: { heading: string; text: string }[];
  /** Each mapping as printed, with the reviewer's comment on their decision about it. */
  mappings: { text: string; comment: string | null }[];
  signOff: {
    reviewerUserId: string;
    reviewerName: string;
    capacity: string;
    qualification: string | null;
    registration: string | null;
    decidedOn: string;
    verificationCode: string | null;
    /** The reviewer's comment on the piece as a whole. */
    comment: string;
  } | null;
}
