import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { isUsState } from './us-states.js';

export { isUsState };

/** Years 0001 to 9999: PostgreSQL has no year 0, and JavaScript reads five-digit years differently. */
const DATE_ONLY = /^(?!0000)\d{4}-\d{2}-\d{2}$/;
/**
 * An instant must carry its offset (`Z` or `-06:00`): a bare local time is ambiguous, and deadlines
 * are legal facts. Hours 00-23, no leap second (60), and only offsets that exist (-14:00 to +14:00).
 */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/;

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid &&
    Number.isFinite(Date.parse(value))
  );
}

function simple(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property ${message}`, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

/** A real calendar date, `YYYY-MM-DD` (so `2026-02-30` is refused). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  simple('isCalendarDate', isCalendarDate, 'must be a real date as YYYY-MM-DD', options);

/** An ISO-8601 instant with `Z` or an offset. */
export const IsInstant = (options?: ValidationOptions) =>
  simple('isInstant', isInstant, 'must be an ISO-8601 instant with Z or an offset, e.g. 2026-03-01T22:15:00-06:00', options);

export const IsIanaTimeZone = (options?: ValidationOptions) =>
  simple(
    'isIanaTimeZone',
    (v) => typeof v === 'string' && v.includes('/') && IANAZone.isValidZone(v),
    'must be an IANA time zone such as America/Chicago',
    options,
  );

/** A two-letter US state or territory code known to the holiday calendar. */
export const IsUsState = (options?: ValidationOptions) =>
  simple('isUsState', isUsState, 'must be a two-letter US state code such as TX', options);

/** An optional UUID filter or field, documented in OpenAPI: the shape every list query's `courtId`, `agencyId`… takes. */
export const OptionalUuid = (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ format: 'uuid' }), IsOptional(), IsUUID());
