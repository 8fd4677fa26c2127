import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('photos')
export class Photo {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('timestamptz', { name: 'taken_at' }) takenAt: Date;
  @Column('text', { name: 'content_type' }) contentType: 'image/jpeg' | 'image/png';
  /** SHA-256 of the stored (metadata-free) bytes; also their name in storage. */
  @Column('char', { length: 64 }) sha256: string;
  @Column('integer', { name: 'byte_size' }) byteSize: number;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
