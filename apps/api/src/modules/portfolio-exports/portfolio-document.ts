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
}

export interface PortfolioPiece {
  title: string;
  kind: string;
  dates: string;
  hours: string | null;
  sections: { heading: string; text: string }[];
  mappings: string[];
  signOff: {
    reviewerName: string;
    capacity: string;
    qualification: string | null;
    registration: string | null;
    decidedOn: string;
    verificationCode: string | null;
  } | null;
}
