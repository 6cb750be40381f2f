import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import type { ApplicationStatus } from '#app/domain';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';
import { ApplicationStatusEnum } from '../models/progression-enums.js';

@ArgsType()
export class ApplicationsArgs extends BidirectionalPageArgs {
  @Field(() => ApplicationStatusEnum, { nullable: true, description: 'Only this status.' })
  @IsOptional()
  @IsEnum(ApplicationStatusEnum)
  status?: ApplicationStatus;
}
