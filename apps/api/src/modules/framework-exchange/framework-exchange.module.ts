import { Module } from '@nestjs/common';
import { FrameworkExchangeResolver } from './framework-exchange.resolver.js';
import { FrameworkExchangeService } from './framework-exchange.service.js';

/** Framework versions in and out as 1EdTech CASE packages. */
@Module({ providers: [FrameworkExchangeService, FrameworkExchangeResolver] })
export class FrameworkExchangeModule {}
