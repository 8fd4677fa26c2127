/** One invalid input, named by its path in the request (`child.dateOfBirth`). */
export interface FieldError {
  field: string;
  message: string;
}

/** How a domain error reads to a client; the problem filter maps each kind to a status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'uri_too_long'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

/**
 * Base of every error a service throws on purpose. Services never throw HTTP
 * exceptions; the global filter turns these into application/problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable PascalCase code, e.g. `EpisodeAlreadyOpen`; becomes the problem type. */
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = code;
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super('invalid', 'ValidationFailed', message, errors);
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }], `${field}: ${message}`);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string) {
    super('not_found', 'NotFound', `No ${entity} with that id is available to you.`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, errors: FieldError[] = []) {
    super('conflict', code, message, errors);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Your role may not do this.', code = 'Forbidden') {
    super('forbidden', code, message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentication is required.', code = 'Unauthenticated') {
    super('unauthenticated', code, message);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(field: string, message: string) {
    super('unsupported_media_type', 'UnsupportedMediaType', message, [{ field, message }]);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(field: string, message: string) {
    super('too_large', 'PayloadTooLarge', message, [{ field, message }]);
  }
}

export class RateLimited extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', code, message);
  }
}

/** A backing resource is busy or down; the client may retry after `retryAfterSeconds`. */
export class Unavailable extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', code, message);
  }
}

export class UriTooLong extends DomainError {
  constructor() {
    super('uri_too_long', 'UriTooLong', 'The URL is too long.');
  }
}

/** A conditional request (`If-Match`) whose condition no longer holds: the record changed since the caller read it. */
export class PreconditionFailed extends DomainError {
  constructor(code: string, message: string) {
    super('precondition_failed', code, message);
  }
}
