/** A refusal from the API, as GraphQL's `extensions` or the HTTP routes' `{ error }` describe it. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | undefined,
    readonly fields: FieldProblem[],
    readonly domainCode: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }

  /** The API could not be reached or answered with something that is not a Pathways answer. */
  static unavailable(status = 503): ApiError {
    return new ApiError(
      'The service is unavailable',
      'SERVICE_UNAVAILABLE',
      undefined,
      [],
      undefined,
      status,
    );
  }

  get isUserError(): boolean {
    return this.code === 'BAD_USER_INPUT' || this.code === 'CONFLICT' || this.code === 'RATE_LIMITED';
  }
}

/** "input.mappings.0.rationale" → "mappings.0.rationale": the web forms name fields as the API's input does. */
export function formFieldOf(apiField: string | undefined): string | undefined {
  return apiField?.replace(/^input\./, '');
}
