import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An administrator's correction or addition to the working-day calendar
 * (e.g. a later year's State Council holiday notice): wins over the packaged data.
 */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  /** `workday` (incl. make-up workdays, 调休) or `holiday`. */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
