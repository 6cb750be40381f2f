import { Field, ID, InputType } from '@nestjs/graphql';
import { Equals, IsBoolean, IsUUID } from 'class-validator';

@InputType({ description: 'Erase a person who has left the organisation (ORG_ADMIN).' })
export class ErasePersonInput {
  @Field(() => ID, {
    description:
      'The person: they must have left (endMembership), the leaver retention period must have ended, and no legal hold be in place.',
  })
  @IsUUID()
  userId!: string;

  @Field({ description: 'Must be true: erasure cannot be undone.' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm!: boolean;
}
