import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type ErrorKind, type FieldError } from './domain-error.js';

/** RFC 9457 problem details, as every error of this API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  uri_too_long: 414,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * PostgreSQL error codes that are the client's fault, never a 500. Input is
 * checked long before it reaches the database; these are the last line of
 * defence, so a value that slipped past a check is still a 400. The whole
 * class 22 ("data exception": bad text encoding, out-of-range numbers and
 * dates, malformed values) is the input's fault; the codes listed say more.
 */
const PG_INPUT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'Duplicate', detail: 'A record with these values already exists.' },
  '23503': { status: 400, code: 'UnknownReference', detail: 'A referenced record does not exist.' },
  '23514': { status: 400, code: 'InvalidValue', detail: 'A value is not allowed here.' },
  '22P02': { status: 400, code: 'InvalidValue', detail: 'A value has the wrong format.' },
  '22007': { status: 400, code: 'InvalidValue', detail: 'A date or time is not valid.' },
  '22008': { status: 400, code: 'InvalidValue', detail: 'A date or time is out of range.' },
  '22003': { status: 400, code: 'InvalidValue', detail: 'A number is out of range.' },
  '22001': { status: 400, code: 'InvalidValue', detail: 'A value is too long.' },
  '22021': { status: 400, code: 'InvalidText', detail: 'A text value holds a character that cannot be stored.' },
  '22P05': { status: 400, code: 'InvalidText', detail: 'A text value holds a character that cannot be stored.' },
};
const PG_DATA_EXCEPTION = { status: 400, code: 'InvalidValue', detail: 'A value is not valid.' };

/** Fastify's own errors (raised before a route runs) that are the client's fault. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PayloadTooLarge', detail: 'The request body exceeds the limit.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UnsupportedMediaType', detail: 'This content type is not accepted.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MalformedRequest', detail: 'The Content-Length does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MalformedJson', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MalformedJson', detail: 'The body is not valid JSON.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PayloadTooLarge', detail: 'The uploaded file exceeds the limit.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'UnsupportedMediaType', detail: 'The request is not multipart/form-data.' },
  FST_ERR_BAD_URL: { status: 400, code: 'MalformedUrl', detail: 'The URL is not valid (bad percent-encoding).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'UriTooLong', detail: 'A path segment of the URL is too long.' },
  FST_ERR_CTP_INVALID_PARSE_TYPE: { status: 415, code: 'UnsupportedMediaType', detail: 'This content type is not accepted.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UnsupportedMediaType', detail: 'This content type is not accepted.' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'UnsupportedMediaType', detail: 'This content type is not accepted.' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'MalformedMultipart', detail: 'The multipart body ended early.' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: 'MalformedJson', detail: 'A multipart field sent as JSON is not valid JSON.' },
  FST_PROTO_VIOLATION: { status: 400, code: 'MalformedMultipart', detail: 'A multipart field name is not allowed.' },
  FST_PARTS_LIMIT: { status: 413, code: 'PayloadTooLarge', detail: 'The multipart body has too many parts.' },
  FST_FILES_LIMIT: { status: 413, code: 'PayloadTooLarge', detail: 'The multipart body has too many files.' },
  FST_FIELDS_LIMIT: { status: 413, code: 'PayloadTooLarge', detail: 'The multipart body has too many fields.' },
};

export function problemType(code: string): string {
  return `urn:cmfc:problem:${code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

function make(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  const problem: Problem = { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, code };
  if (errors && errors.length > 0) problem.errors = errors;
  return problem;
}

/**
 * Turns anything thrown while serving a request into problem details. Unknown
 * errors become a 500 that says nothing about the cause (it is logged instead).
 */
/** A known path asked with a method none of its routes takes (sent with `Allow: <allowed>`). */
export function methodNotAllowed(method: string, allowed: string[]): Problem {
  return make(405, 'MethodNotAllowed', `${method} is not allowed here; this path takes ${allowed.join(', ')}.`);
}

export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    return make(status, error.code, error.message, status === 400 || error.errors.length ? error.errors : undefined);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? error.message);
    if (status === HttpStatus.NOT_FOUND && /^Cannot /.test(message)) return make(status, 'NoSuchRoute', 'No such route.');
    if (status === HttpStatus.BAD_REQUEST && /JSON/i.test(message)) return make(status, 'MalformedJson', 'The body is not valid JSON.');
    return make(status, httpCode(status), message);
  }
  const maybe = error as { code?: unknown; statusCode?: unknown; message?: unknown; driverError?: { code?: string } };
  const pgCode = typeof maybe.code === 'string' ? maybe.code : maybe.driverError?.code;
  if (pgCode && isDatabaseError(error) && (PG_INPUT_ERRORS[pgCode] || pgCode.startsWith('22'))) {
    const known = PG_INPUT_ERRORS[pgCode] ?? PG_DATA_EXCEPTION;
    return make(known.status, known.code, known.detail);
  }
  if (typeof maybe.code === 'string' && FASTIFY_CODES[maybe.code]) {
    const known = FASTIFY_CODES[maybe.code];
    return make(known.status, known.code, known.detail);
  }
  if (typeof maybe.statusCode === 'number' && maybe.statusCode >= 400 && maybe.statusCode < 500) {
    // Other Fastify client errors (malformed JSON from the parser, etc.).
    const status = maybe.statusCode;
    const message = String(maybe.message ?? '');
    if (status === 400 && (maybe instanceof SyntaxError || /JSON/i.test(message)))
      return make(status, 'MalformedJson', 'The body is not valid JSON.');
    return make(status, httpCode(status), message.length > 300 ? `${message.slice(0, 300)}…` : message);
  }
  return make(500, 'InternalError', 'The server could not complete the request.');
}

function isDatabaseError(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'QueryFailedError' || name === 'DatabaseError' || (error as object)?.constructor?.name === 'DatabaseError';
}

function httpCode(status: number): string {
  return (TITLES[status] ?? 'Error').replace(/[^A-Za-z]/g, '');
}
