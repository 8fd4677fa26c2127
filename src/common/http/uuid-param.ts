import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw ValidationFailed.field(this.name, 'must be a UUID');
    return value.toLowerCase();
  }
}

/** A path parameter that must be a UUID; anything else is a 400 naming it, never a 500. */
export const UuidParam = (name = 'id') => Param(name, new UuidPipe(name));
