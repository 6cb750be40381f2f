import { Module } from '@nestjs/common';
import { ProgressionModule } from '../progression/progression.module.js';
import { FrameworkRemappingResolver } from './framework-remapping.resolver.js';
import { FrameworkRemappingService } from './framework-remapping.service.js';

/** Remapping evidence from one framework version to another: preview and apply. */
@Module({
  imports: [ProgressionModule],
  providers: [FrameworkRemappingService, FrameworkRemappingResolver],
})
export class FrameworkRemappingModule {}
