import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
import type { AsyePauseReason } from '#app/domain';
import { AsyePauseReasonEnum } from '../models/asye.model.js';

@InputType({
  description: 'Pause an ASYE (sickness, bereavement, parental leave, lack of support; never capability).',
})
export class PauseAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'First day paused.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day paused; omit while not known (resume later).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn?: string | null;

  @Field(() => AsyePauseReasonEnum, { description: 'Why.' })
  @IsEnum(AsyePauseReasonEnum)
  reason!: AsyePauseReason;
}
