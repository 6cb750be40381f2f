import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Length, Matches } from 'class-validator';

/**
 * A calendar day, YYYY-MM-DD, between 1900 and 2099: a real date (2026-02-30 is refused), and not
 * one so far off that the periods worked out from it (a registration year, a window) leave the
 * range PostgreSQL and the calendar rules handle.
 */
export const IsDay = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Length(10, 10),
    Matches(/^(19|20)\d\d-/, { message: '$property must be a day between 1900 and 2099' }),
  );
