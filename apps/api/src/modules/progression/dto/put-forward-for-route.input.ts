import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ApplyForRouteInput } from './apply-for-route.input.js';

@InputType({ description: 'Put an eligible practitioner forward for a route.' })
export class PutForwardForRouteInput extends ApplyForRouteInput {
  @Field(() => ID, { description: 'The practitioner.' })
  @IsUUID()
  practitionerUserId!: string;
}
