import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('courts')
export class Court {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('char', { length: 2 }) state: string;
  @Column('text') county: string;
  /** IANA time zone; court days and deadlines are computed in it. */
  @Column('text') timezone: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
