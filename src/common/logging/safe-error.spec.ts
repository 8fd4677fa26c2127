import { safeError } from './safe-error.js';

describe('safeError', () => {
  it('keeps what helps debugging and drops what can hold a child’s data', () => {
    const error = Object.assign(new Error('new row for relation "children" violates check constraint "children_sex_check"'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO children (first_name) VALUES ($1)',
      parameters: ['Jamie', '2011-04-17'],
      driverError: {
        code: '23514',
        table: 'children',
        constraint: 'children_sex_check',
        detail: 'Failing row contains (Jamie, Doe, 2011-04-17).',
      },
    });
    const logged = safeError(error);
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23514', table: 'children', constraint: 'children_sex_check' });
    expect(JSON.stringify(logged)).not.toMatch(/Jamie|2011-04-17|Failing row|INSERT/);
  });

  it('masks values PostgreSQL quotes in messages', () => {
    const logged = safeError(new Error('invalid input syntax for type date: "Jamie Doe"'));
    expect(logged.message).toBe('invalid input syntax for type date: "…"');
    expect(safeError(new Error('Key (email)=(a@b.c) already exists.')).message).toBe('Key (email)=(…) already exists.');
  });
});
