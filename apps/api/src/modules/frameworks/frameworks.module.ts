import { Module } from '@nestjs/common';
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
  ],
})
export class FrameworksModule {}
