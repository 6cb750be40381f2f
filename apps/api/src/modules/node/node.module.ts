import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { ProgressionModule } from '../progression/progression.module.js';
import { NodeResolver } from './node.resolver.js';
import { NodeService } from './node.service.js';

/** Global object identification: node(id:) and nodes(ids:) over the main types. */
@Module({
  imports: [PortfolioModule, OrganisationModule, ProgressionModule],
  providers: [NodeService, NodeResolver],
})
export class NodeModule {}
