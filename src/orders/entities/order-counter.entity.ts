import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrderKind } from '../applicable-order.js';

/** The last order number given per court, year (in the court's time zone) and kind. */
@Entity('order_counters')
export class OrderCounter {
  @PrimaryColumn('uuid', { name: 'court_id' }) courtId: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('text') kind: OrderKind;
  @Column('integer', { name: 'last_number' }) lastNumber: number;
}
