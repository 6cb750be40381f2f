import { Global, Module } from '@nestjs/common';
import { AccessPolicyService } from './access-policy.service.js';

/** The access policy, for every feature that reads or acts on a person's records. */
@Global()
@Module({ providers: [AccessPolicyService], exports: [AccessPolicyService] })
export class AccessModule {}
