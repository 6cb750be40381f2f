import { Module } from '@nestjs/common';
import { ProgressionModule } from '../progression/progression.module.js';
import { FrameworkExchangeResolver } from './framework-exchange.resolver.js';
import { FrameworkExchangeService } from './framework-exchange.service.js';

/** Framework versions in and out as 1EdTech CASE packages. */
@Module({ imports: [ProgressionModule], providers: [FrameworkExchangeService, FrameworkExchangeResolver] })
export class FrameworkExchangeModule {}
