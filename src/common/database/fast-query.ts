import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool, QueryResult } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The hot paths (a read of a child or an episode, the audit row every read
 * writes) go straight to the connection pool TypeORM owns, as named prepared
 * statements: PostgreSQL parses and plans each statement once per connection,
 * and no query runner is built per call. Everything else uses the DataSource.
 */
@Injectable()
export class FastQuery {
  private readonly names = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async rows<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.run(text, values)).rows as T[];
  }

  async run(text: string, values: unknown[]): Promise<QueryResult> {
    let name = this.names.get(text);
    if (!name) {
      name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return this.pool.query({ name, text, values });
  }
}
