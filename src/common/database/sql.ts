import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/** Collects positional parameters while a query is built: `params.add(value)` answers its placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Named columns as one select list: `columns('o', ['id', 'kind'])` is `o.id, o.kind`. */
export function columns(alias: string, names: readonly string[]): string {
  return names.map((name) => `${alias}.${name}`).join(', ');
}

/**
 * The one multi-row insert: TypeORM builds the VALUES list and its
 * placeholders from the entities' columns. `ignoreConflicts`: a row that
 * breaks a unique index is skipped (ON CONFLICT DO NOTHING). Answers the keys
 * (the `key` column, `id` unless named) of the rows actually inserted.
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Array<QueryDeepPartialEntity<E>>,
  options: { ignoreConflicts?: boolean; key?: string } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const key = options.key ?? 'id';
  const insert = manager.createQueryBuilder().insert().into(entity).values(rows).returning(key).updateEntity(false);
  if (options.ignoreConflicts) insert.orIgnore();
  const result = await insert.execute();
  return (result.raw as Array<Record<string, string>>).map((row) => row[key]);
}

/** Serializes the transactions that take the same key, until they end (pg_advisory_xact_lock). */
export async function lockForTransaction(manager: EntityManager, key: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
}
