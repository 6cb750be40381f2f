import { Module } from '@nestjs/common';
import { FrameworkAlignmentsResolver, FrameworkItemFieldsResolver } from './framework-alignments.resolver.js';
import { FrameworkAlignmentsService } from './framework-alignments.service.js';
import {
  FrameworkLevelFieldsResolver,
  FrameworksResolver,
  FrameworkVersionFieldsResolver,
} from './frameworks.resolver.js';
import { FrameworksService } from './frameworks.service.js';

@Module({
  providers: [
    FrameworksService,
    FrameworksResolver,
    FrameworkVersionFieldsResolver,
    FrameworkLevelFieldsResolver,
    FrameworkAlignmentsService,
    FrameworkAlignmentsResolver,
    FrameworkItemFieldsResolver,
  ],
})
export class FrameworksModule {}
