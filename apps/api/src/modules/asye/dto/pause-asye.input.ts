import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { AsyePauseReason } from '#app/domain';
import { AsyePauseReasonEnum } from '../models/asye.model.js';

@InputType({
  description: 'Pause an ASYE (sickness, bereavement, parental leave, lack of support; never capability).',
})
export class PauseAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day paused.' })
  @IsDay()
  startsOn!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day paused; omit while not known (resume later).',
  })
  @IsOptional()
  @IsDay()
  endsOn?: string | null;

  @Field(() => AsyePauseReasonEnum, { description: 'Why.' })
  @IsEnum(AsyePauseReasonEnum)
  reason!: AsyePauseReason;
}
