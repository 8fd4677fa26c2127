import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The bytes of a signed order's PDF, stored when it is signed and never changed. */
@Entity('order_documents')
export class OrderDocument {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @Column('bytea') pdf: Buffer;
  @Column('char', { length: 64 }) sha256: string;
  @Column('integer', { name: 'byte_size' }) byteSize: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
