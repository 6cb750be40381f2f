import { InputType } from '@nestjs/graphql';
import { InvitationIdInput } from './invitation-id.input.js';

@InputType({ description: 'Send one pending invitation of your organisation again.' })
export class ResendInvitationInput extends InvitationIdInput {}
