import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  AttachmentRepository,
  ComplianceFactsRepository,
  ContributionRequestRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  FrameworkAlignmentRepository,
  FrameworkRemapRepository,
  FrameworkRepository,
  OrganisationRepository,
  PathwayRepository,
  SignOffReconciliationRepository,
  TeamRepository,
  UserRepository,
  type PathwayVersionEntity,
} from '#app/persistence';
import type { RequestWithPrincipal } from '../auth/auth.decorators.js';
import { manyByKey } from './group-by-key.js';
import { createComplianceLoaders } from '../modules/compliance/compliance.loaders.js';
import { createContributionLoaders } from '../modules/contributions/contributions.loaders.js';
import { createFrameworkLoaders } from '../modules/frameworks/frameworks.loaders.js';
import { createOrganisationLoaders } from '../modules/organisation/organisation.loaders.js';
import { createPortfolioLoaders } from '../modules/portfolio/portfolio.loaders.js';

export type Loaders = ReturnType<LoadersFactory['create']>;

export interface GraphQLContext {
  req: RequestWithPrincipal;
  loaders: Loaders;
}

/** Builds a fresh set of DataLoaders for each request, so no cache outlives it or crosses users. */
@Injectable()
export class LoadersFactory {
  constructor(
    private readonly users: UserRepository,
    private readonly teams: TeamRepository,
    private readonly organisations: OrganisationRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly frameworkAlignments: FrameworkAlignmentRepository,
    private readonly evidence: EvidenceRepository,
    private readonly mappings: EvidenceMappingRepository,
    private readonly reviews: EvidenceReviewRepository,
    private readonly attachments: AttachmentRepository,
    private readonly complianceFacts: ComplianceFactsRepository,
    private readonly pathways: PathwayRepository,
    private readonly contributionRequests: ContributionRequestRepository,
    private readonly reconciliations: SignOffReconciliationRepository,
    private readonly remaps: FrameworkRemapRepository,
  ) {}

  create(req: RequestWithPrincipal) {
    const organisationOf = () => {
      if (!req.principal) throw new Error('loader used before authentication');
      return req.principal.organisationId;
    };
    return {
      ...createOrganisationLoaders(organisationOf, {
        users: this.users,
        teams: this.teams,
        organisations: this.organisations,
      }),
      ...createFrameworkLoaders(organisationOf, {
        frameworks: this.frameworks,
        alignments: this.frameworkAlignments,
      }),
      ...createPortfolioLoaders(organisationOf, {
        evidence: this.evidence,
        mappings: this.mappings,
        reviews: this.reviews,
        attachments: this.attachments,
        frameworks: this.frameworks,
        remaps: this.remaps,
      }),
      ...createComplianceLoaders(organisationOf, { facts: this.complianceFacts }),
      ...createContributionLoaders(organisationOf, {
        requests: this.contributionRequests,
        reconciliations: this.reconciliations,
      }),
      pathwayVersionsByPathway: new DataLoader<string, PathwayVersionEntity[]>(async (ids) =>
        manyByKey(
          ids,
          await this.pathways.findVersionsByPathwayIds(organisationOf(), ids),
          (v) => v.pathwayId,
        ),
      ),
    };
  }
}
