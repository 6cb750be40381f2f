import { Module } from '@nestjs/common';
import { AssessorRelationshipsResolver } from './assessor-relationships.resolver.js';
import { AssessorRelationshipsService } from './assessor-relationships.service.js';

@Module({ providers: [AssessorRelationshipsService, AssessorRelationshipsResolver] })
export class AssessorRelationshipsModule {}
