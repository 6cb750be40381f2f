import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Equals, IsBoolean, IsOptional, IsUUID } from 'class-validator';

@InputType({ description: 'Ask for a subject access export.' })
export class RequestSubjectAccessExportInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose data; yourself when omitted (an ORG_ADMIN may ask for anyone in the organisation).',
  })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
}

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

@ArgsType()
export class SubjectAccessExportsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose exports; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
}
