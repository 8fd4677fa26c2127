import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TemplateKind } from '../rendering/template-data.js';

/** One version of a template: a shipped file (courtId null) or a court's own. Never updated. */
@Entity('order_templates')
export class OrderTemplate {
  @PrimaryColumn('uuid') id: string;
  @Column('text') key: string;
  @Column('text') kind: TemplateKind;
  @Column('integer') version: number;
  @Column('text') title: string;
  @Column('uuid', { name: 'court_id', nullable: true }) courtId: string | null;
  /** Handlebars producing Markdown. */
  @Column('text') body: string;
  @Column('char', { length: 64 }) sha256: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
