import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { MeFieldsResolver, MemberFieldsResolver, OrganisationResolver } from './organisation.resolver.js';
import { OrganisationService } from './organisation.service.js';

@Module({
  imports: [AuthModule],
  providers: [OrganisationService, OrganisationResolver, MemberFieldsResolver, MeFieldsResolver],
  exports: [OrganisationService],
})
export class OrganisationModule {}
