import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A team within an organisation.' })
export class Team {
  @Field(() => ID, { description: 'Team id.' })
  id!: string;

  @Field({ description: 'Team name, unique within the organisation.' })
  name!: string;

  @Field({ description: 'When the team was created.' })
  createdAt!: Date;
}
