import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InputValidationError } from './input-validation.error.js';

/** A route parameter that must be a UUID; anything else is refused with 400 BAD_USER_INPUT naming it. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new InputValidationError([{ field: name, messages: ['must be a UUID'] }]),
    }),
  );
