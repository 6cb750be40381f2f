import { Module } from '@nestjs/common';
import { QualificationsResolver } from './qualifications.resolver.js';
import { QualificationsService } from './qualifications.service.js';

/** Members' qualifications (PEPS, ASYE, AMHP…) and their verification. */
@Module({ providers: [QualificationsService, QualificationsResolver] })
export class QualificationsModule {}
