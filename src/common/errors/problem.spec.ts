import { BadRequestException, NotFoundException } from '@nestjs/common';
import { Conflict, NotFound, PayloadTooLarge, ValidationFailed } from './domain-error.js';
import { toProblem } from './problem.js';

describe('toProblem', () => {
  it('maps domain errors to their status with a stable type', () => {
    expect(toProblem(new Conflict('EpisodeAlreadyOpen', 'open'))).toMatchObject({
      status: 409,
      type: 'urn:cmfc:problem:episode-already-open',
      code: 'EpisodeAlreadyOpen',
      detail: 'open',
    });
    expect(toProblem(new NotFound('child')).status).toBe(404);
    expect(toProblem(new PayloadTooLarge('file', 'too big')).status).toBe(413);
  });

  it('lists field errors on 400s', () => {
    expect(toProblem(ValidationFailed.field('child.dateOfBirth', 'must be a real date'))).toMatchObject({
      status: 400,
      errors: [{ field: 'child.dateOfBirth', message: 'must be a real date' }],
    });
  });

  it('turns client-caused database errors into 4xx, never 500', () => {
    const duplicate = Object.assign(new Error('dup'), { name: 'QueryFailedError', driverError: { code: '23505' } });
    const badUuid = Object.assign(new Error('bad'), { name: 'QueryFailedError', driverError: { code: '22P02' } });
    expect(toProblem(duplicate).status).toBe(409);
    expect(toProblem(badUuid).status).toBe(400);
  });

  it('maps Fastify and Nest request errors', () => {
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).status).toBe(413);
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'NoSuchRoute' });
    expect(toProblem(new BadRequestException('Body is not valid JSON'))).toMatchObject({ status: 400, code: 'MalformedJson' });
  });

  it('says nothing about unknown errors', () => {
    expect(toProblem(new Error('connection string postgres://secret'))).toMatchObject({
      status: 500,
      detail: 'The server could not complete the request.',
    });
  });
});
