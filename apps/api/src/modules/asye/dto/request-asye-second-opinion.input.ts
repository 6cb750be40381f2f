import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Ask a named second assessor for a second opinion on the final recommendation.' })
export class RequestAsyeSecondOpinionInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => ID, {
    description:
      'The second assessor: an active member holding the ASSESSOR role, or a PSW; never the NQSW or the assessor.',
  })
  @IsUUID()
  secondAssessorId!: string;
}
