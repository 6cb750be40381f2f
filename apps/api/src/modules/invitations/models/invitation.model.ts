import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Role } from '#app/domain';
import { INVITATION_STATUSES, type InvitationStatus } from '#app/persistence';
import { Connection } from '../../../graphql/pagination.js';
import { RoleEnum } from '../../organisation/models/user.model.js';

export const InvitationStatusEnum = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, s])) as {
  [K in InvitationStatus]: K;
};
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands (a pending one past its expiry can only be resent or revoked).',
});

@ObjectType({ description: 'An invitation to join the organisation, as the organisation sees it.' })
export class Invitation {
  @Field(() => ID, { description: 'Invitation id.' })
  id!: string;

  @Field({ description: 'Where it was sent.' })
  email!: string;

  @Field({ description: 'The name the organisation gave.' })
  fullName!: string;

  @Field(() => [RoleEnum], { description: 'Roles the person will hold.' })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Team they will join.' })
  teamId!: string | null;

  @Field(() => InvitationStatusEnum, { description: 'Pending, accepted or revoked.' })
  status!: InvitationStatus;

  @Field({ description: 'When the current link stops working.' })
  expiresAt!: Date;

  @Field({ description: 'True when pending and past its expiry.' })
  expired!: boolean;

  @Field(() => Int, { description: 'Times it was sent again.' })
  resendCount!: number;

  @Field({ description: 'When it was made.' })
  createdAt!: Date;
}

export const InvitationConnection = Connection(Invitation, 'Invitation');

@ObjectType({ description: 'The membership an accepted invitation made.' })
export class InvitationAcceptance {
  @Field(() => ID, { description: 'The organisation joined.' })
  organisationId!: string;

  @Field({ description: 'Its name.' })
  organisationName!: string;

  @Field(() => ID, { description: 'Your user id.' })
  userId!: string;

  @Field(() => ID, { description: 'The new membership.' })
  membershipId!: string;

  @Field(() => [RoleEnum], { description: 'Roles you now hold there.' })
  roles!: Role[];
}
