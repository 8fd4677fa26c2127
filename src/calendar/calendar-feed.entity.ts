import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A judge's or clerk's secret calendar URL, kept as the SHA-256 of its token. */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('char', { name: 'token_sha256', length: 64 }) tokenSha256: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
