import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericColumn } from '../../common/database/transformers.js';

@Entity('children')
export class Child {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  /** Copied from the case so every scoped query can filter on it directly. */
  @Column('uuid', { name: 'court_id' }) courtId: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'middle_name', nullable: true }) middleName: string | null;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('date', { name: 'date_of_birth' }) dateOfBirth: string;
  @Column('text', { nullable: true }) sex: string | null;
  @Column('numeric', { name: 'height_inches', nullable: true, transformer: numericColumn }) heightInches: number | null;
  @Column('numeric', { name: 'weight_pounds', nullable: true, transformer: numericColumn }) weightPounds: number | null;
  @Column('text', { name: 'hair_color', nullable: true }) hairColor: string | null;
  @Column('text', { name: 'eye_color', nullable: true }) eyeColor: string | null;
  @Column('text', { name: 'identifying_marks', array: true, default: '{}' }) identifyingMarks: string[];
  @Column('boolean', { name: 'wears_glasses', nullable: true }) wearsGlasses: boolean | null;
  @Column('boolean', { name: 'has_braces', nullable: true }) hasBraces: boolean | null;
  @Column('text', { name: 'risk_factors', array: true, default: '{}' }) riskFactors: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
