import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A callback the CMS sent, kept by its event id so a replay is refused (409). */
@Entity('docket_callbacks')
export class DocketCallback {
  @PrimaryColumn('text', { name: 'event_id' }) eventId: string;
  @Column('uuid', { name: 'hearing_request_id' }) hearingRequestId: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
}
