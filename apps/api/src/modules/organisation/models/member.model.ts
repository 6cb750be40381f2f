import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { Role } from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';
import { RoleEnum } from './user.model.js';
import { Node } from '../../../graphql/node.model.js';

@ObjectType({
  description: 'A person’s membership of the organisation: roles and team.',
  implements: () => [Node],
})
export class Member {
  @Field(() => ID, { description: 'Membership id.' })
  id!: string;

  @Field(() => ID, { description: 'The person’s user id.' })
  userId!: string;

  @Field(() => [RoleEnum], { description: 'Roles held in this organisation.' })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Team id, if the person is in a team.' })
  teamId!: string | null;

  @Field({ description: 'False once the person has left; they can no longer sign in to this organisation.' })
  active!: boolean;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The first day without access (endMembership); null while no end is set.',
  })
  endsOn!: string | null;

  /** Read by the administrators-only field resolver (legalHoldReason). */
  legalHoldReason!: string | null;

  @Field(() => Int, {
    description: 'Changes with every change to the membership: pass it back as expectedRevision.',
  })
  revision!: number;

  @Field({ description: 'When the person joined the organisation in Pathways.' })
  createdAt!: Date;
}

export const MemberConnection = Connection(Member, 'Member');
