import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver.js';

/** Reading the append-only audit trail. */
@Module({ providers: [AuditResolver] })
export class AuditModule {}
