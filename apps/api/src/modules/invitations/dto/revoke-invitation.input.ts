import { InputType } from '@nestjs/graphql';
import { InvitationIdInput } from './invitation-id.input.js';

@InputType({ description: 'Withdraw one pending invitation of your organisation.' })
export class RevokeInvitationInput extends InvitationIdInput {}
