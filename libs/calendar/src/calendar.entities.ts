import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holiday or make-up working day an admin entered (State Council arrangement). */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' }) date: string;
  @Column({ type: 'boolean' }) work: boolean;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A year whose whole arrangement an admin entered: deadlines in it are no longer provisional. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'entered_by', type: 'uuid', nullable: true }) enteredBy: string | null;
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt: Date;
}
