import { IsOptional, Matches } from 'class-validator';

/** Query string of `GET /practitioners/:id/cpd-log.csv`. */
export class CpdLogQuery {
  /** SWE registration year, e.g. 2025-26 (1 December 2025 to 30 November 2026); the current one when omitted. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'registrationYear must look like 2025-26' })
  registrationYear?: string;
}
