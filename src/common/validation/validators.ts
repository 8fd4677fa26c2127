import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { isUsState } from './us-states.js';

export { isUsState };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An instant must carry its offset (`Z` or `-06:00`): a bare local time is ambiguous, and deadlines are legal facts. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
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
