import { DomainError } from '../errors.js';
import type { ApplicationDecision, ApplicationStatus } from './progression.types.js';

const OUTCOME: Record<ApplicationDecision, ApplicationStatus> = {
  APPROVE: 'APPROVED',
  DEFER: 'DEFERRED',
  DECLINE: 'DECLINED',
};

/**
 * The status an open application moves to when decided. Nobody decides their own application, a
 * decision is final (a deferred or declined practitioner applies again later), and deferring or
 * declining needs reasons the practitioner can act on.
 */
export function decideApplication(input: {
  status: ApplicationStatus;
  applicantUserId: string;
  deciderUserId: string;
  decision: ApplicationDecision;
  reasons: string | null;
}): ApplicationStatus {
  if (input.applicantUserId === input.deciderUserId) {
    throw new DomainError('SELF_DECISION', 'You cannot decide your own application.', 'input.applicationId');
  }
  if (input.status !== 'OPEN') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `This application is already ${input.status.toLowerCase()}.`,
      'input.applicationId',
      {
        status: input.status,
      },
    );
  }
  if (input.decision !== 'APPROVE' && !input.reasons?.trim()) {
    throw new DomainError(
      'REASONS_REQUIRED',
      'Give the reasons for deferring or declining.',
      'input.reasons',
    );
  }
  return OUTCOME[input.decision];
}
