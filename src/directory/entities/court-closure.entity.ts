import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A day the court is closed besides weekends and the state's public holidays. */
@Entity('court_closures')
export class CourtClosure {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'court_id' }) courtId: string;
  /** YYYY-MM-DD in the court's time zone. */
  @Column('date') date: string;
  @Column('text') name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
