/** The GraphQL operations the bench measures, and the peer's equivalent of the portfolio read. */

/** (a) A practitioner's portfolio: a page of `$first` pieces, every version with its mappings and review. */
export const PORTFOLIO = /* GraphQL */ `
  query BenchPortfolio($first: Int = 20) {
    portfolio(first: $first) {
      nodes {
        id
        versions {
          id
          versionNo
          status
          title
          kind
          dateFrom
          mappings {
            decision
            item {
              code
            }
            level {
              code
            }
            acceptedLevel {
              code
            }
          }
          review {
            outcome
            comment
            decidedOn
            reviewer {
              fullName
            }
          }
        }
      }
    }
  }
`;

/** (a) on PostGraphile: the same rows and fields from the views of `postgraphile-views.ts`. */
export const PORTFOLIO_POSTGRAPHILE = /* GraphQL */ `
  query BenchPortfolio($first: Int = 20) {
    allEvidences(first: $first, orderBy: CREATED_AT_DESC) {
      nodes {
        id: rowId
        versions(orderBy: VERSION_NO_ASC) {
          nodes {
            id: rowId
            versionNo
            status
            title
            kind
            dateFrom
            mappings(orderBy: POSITION_ASC) {
              nodes {
                decision
                item {
                  code
                }
                level {
                  code
                }
                acceptedLevel {
                  code
                }
              }
            }
            review {
              outcome
              comment
              decidedOn
              reviewer {
                fullName
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * (a), a second selection of the documented fields: each version's title and status, and each
 * mapping's item code and title and claimed level's name (no review), on both servers.
 */
export const PORTFOLIO_TITLES = /* GraphQL */ `
  query BenchPortfolioTitles($first: Int!) {
    portfolio(first: $first) {
      nodes {
        id
        versions {
          title
          status
          mappings {
            item {
              code
              title
            }
            level {
              name
            }
          }
        }
      }
    }
  }
`;

export const PORTFOLIO_TITLES_POSTGRAPHILE = /* GraphQL */ `
  query BenchPortfolioTitles($first: Int!) {
    allEvidences(first: $first, orderBy: CREATED_AT_DESC) {
      nodes {
        id: rowId
        versions(orderBy: VERSION_NO_ASC) {
          nodes {
            title
            status
            mappings(orderBy: POSITION_ASC) {
              nodes {
                item {
                  code
                  title
                }
                level {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** The portfolio read in each documented page size and selection, ours beside PostGraphile's. */
export const PORTFOLIO_PAGE_SIZES = [5, 20, 50] as const;
export const PORTFOLIO_SELECTIONS = [
  { key: 'full', label: 'mappings and reviews', ours: PORTFOLIO, theirs: PORTFOLIO_POSTGRAPHILE },
  {
    key: 'titles',
    label: 'titles and level names',
    ours: PORTFOLIO_TITLES,
    theirs: PORTFOLIO_TITLES_POSTGRAPHILE,
  },
] as const;

/** (b) Where the practitioner stands on the published pathway. */
export const MY_PROGRESSION = /* GraphQL */ `
  query BenchMyProgression {
    myProgression {
      asOf
      currentStages {
        key
        name
      }
      routes {
        routeKey
        toStageKey
        eligible
        closeness
        gaps
        outcome {
          met
          label
          children {
            type
            met
            gap
            progress {
              current
              required
              unit
            }
          }
        }
      }
    }
  }
`;

/** (c) A reviewer's queue and its badge count. */
export const REVIEW_QUEUE = /* GraphQL */ `
  query BenchReviewQueue {
    reviewQueue(first: 20) {
      nodes {
        id
        title
        submittedAt
        owner {
          fullName
        }
        mappings {
          item {
            code
          }
          level {
            code
          }
        }
      }
    }
    reviewQueueCount
  }
`;

/** The route `candidates` is measured on: the busiest stage of the synthetic data. */
export const CANDIDATES_ROUTE = 'SOCIAL_WORKER_TO_EXPERIENCED';

/** (d) A PSW's candidates for a route, closest first. */
export const CANDIDATES = /* GraphQL */ `
  query BenchCandidates($routeKey: String!) {
    candidates(routeKey: $routeKey, first: 20) {
      eligibleCount
      nearlyEligibleCount
      hasNextPage
      nodes {
        practitioner {
          fullName
        }
        eligible
        closeness
        gaps
      }
    }
  }
`;

/** (d) A PSW's progression report. */
export const PROGRESSION_REPORT = /* GraphQL */ `
  query BenchProgressionReport {
    progressionReport {
      practitioners
      stages {
        stage {
          key
        }
        people
      }
      routes {
        routeKey
        considered
        eligible
        nearlyEligible
        openApplications
      }
      mostUnmet {
        routeKey
        label
        unmet
      }
    }
  }
`;

/** (e) A new piece of evidence, mapped to three PCF domains. */
export const CREATE_EVIDENCE = /* GraphQL */ `
  mutation BenchCreateEvidence($input: CreateEvidenceInput!) {
    createEvidence(input: $input) {
      id
      evidenceId
      status
      mappings {
        id
      }
    }
  }
`;

export function createEvidenceInput(dateFrom: string) {
  return {
    kind: 'CPD_ACTIVITY',
    cpdActivityType: 'TRAINING',
    title: 'Training on trauma-informed practice',
    dateFrom,
    hours: 3.5,
    description: 'A day course with colleagues from health and education.',
    learning: 'How early experiences shape the way people respond to services.',
    impact: 'I plan first visits differently and explain what will happen next.',
    mappings: ['KNOWLEDGE', 'SKILLS_AND_INTERVENTIONS', 'VALUES_AND_ETHICS'].map((itemCode) => ({
      frameworkCode: 'PCF',
      version: '2018',
      itemCode,
      levelCode: 'SOCIAL_WORKER',
      rationale: 'Applied in my practice since the course.',
    })),
  };
}

/**
 * Workforce insight (issue 6), one field per request as a PSW's dashboard asks for them: the whole
 * organisation over the default twelve months, with everything each figure offers a PSW.
 */
const insight = (field: string) => /* GraphQL */ `
  query BenchInsight {
    workforceInsight {
      scope {
        practitioners
        suppressed
      }
      ${field}
    }
  }
`;

export const INSIGHT_FIELDS = {
  stageDistribution: `stageDistribution {
        people
        stages { stageKey people }
        levels { pcfLevelCode people }
        movements { month fromStageKey toStageKey people }
      }`,
  coverageHeatMap: `coverageHeatMap {
        approvedPieces
        cells { itemCode levelCode pieces people }
        domains { itemCode pieces people }
      }`,
  cpdCompliance: `cpdCompliance {
        practitioners evaluated met atRisk rate
        byTeam { teamName suppressed evaluated met atRisk rate }
        peopleAtRisk { name teamName regulator periodEnd daysLeft }
      }`,
  reviewTurnaround: `reviewTurnaround {
        decisions medianDays p90Days waiting
        byReviewer { reviewerName decisions medianDays p90Days }
        byTeam { teamName suppressed decisions medianDays p90Days }
        backlog { label waiting }
      }`,
  supervision: `supervision {
        practitioners supervisedAsRequired share overdue dueSoon neverSupervised
        byTeam { teamName suppressed supervisedAsRequired overdue share }
        overduePeople { name teamName nqsw daysOverdue }
      }`,
  progressionPipeline: `progressionPipeline {
        routes { routeKey eligible nearlyEligible submitted open approved deferred declined withdrawn }
      }`,
  earlyCareerCohort: `earlyCareerCohort {
        programmes paused withReviewOverdue evidenceComplete protectedTimeMet
        members { name nextReviewPoint nextReviewDueOn evidenceApproved evidenceRequired }
      }`,
} as const;

/** Each insight field on its own, and all of them in one request (a dashboard's first load). */
export const INSIGHT_QUERIES: { name: string; label: string; query: string }[] = [
  ...Object.entries(INSIGHT_FIELDS).map(([field, selection]) => ({
    name: `insight.${field}`,
    label: `workforceInsight { ${field} }`,
    query: insight(selection),
  })),
  {
    name: 'insight.all',
    label: 'workforceInsight, every field',
    query: insight(Object.values(INSIGHT_FIELDS).join('\n      ')),
  },
];
