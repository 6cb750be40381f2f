import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Start the next draft of a pathway from its newest version.' })
export class CreatePathwayDraftInput {
  @Field(() => ID, { description: 'Pathway id.' })
  @IsUUID()
  pathwayId!: string;
}
