import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '#app/domain';
import { RoleEnum } from './user.model.js';

@ObjectType({ description: 'The signed-in person and the organisation they are acting in.' })
export class Me {
  @Field(() => ID, { description: 'User id.' })
  userId!: string;

  @Field(() => ID, { description: 'The organisation this session acts in.' })
  organisationId!: string;

  @Field(() => [RoleEnum], { description: 'Roles held in that organisation.' })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Team id, if any.' })
  teamId!: string | null;
}
