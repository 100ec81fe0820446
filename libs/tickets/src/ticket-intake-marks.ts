import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a new ticket names, as a marker needs it (normalised already). */
export interface IntakeSubject {
  nameNorm: string | null;
  uscc: string | null;
  usccValid: boolean | null;
  regionCode: string;
}

/** Flags and a priority a feature adds to a ticket as it is stored (e.g. REPEAT_OFFENDER from credit records). */
export interface IntakeMark {
  flags: string[];
  priority: number;
}

export interface IntakeMarker {
  markFor(tx: EntityManager, subject: IntakeSubject): Promise<IntakeMark | null>;
  /** the same for a batch in one statement, answers in the order of `subjects` */
  markMany?(tx: EntityManager, subjects: IntakeSubject[]): Promise<Array<IntakeMark | null>>;
}

/**
 * Where features that mark new tickets register (credit records), so the ticket store
 * needs no import of them; runs in the storing transaction, before the intake's answer.
 */
@Injectable()
export class TicketIntakeMarks {
  private readonly markers: IntakeMarker[] = [];

  register(marker: IntakeMarker): void {
    this.markers.push(marker);
  }

  async markFor(tx: EntityManager, subject: IntakeSubject): Promise<IntakeMark> {
    return (await this.markMany(tx, [subject]))[0];
  }

  /** Marks for a batch of new tickets: one call per marker, not one per ticket. */
  async markMany(tx: EntityManager, subjects: IntakeSubject[]): Promise<IntakeMark[]> {
    const marks: IntakeMark[] = subjects.map(() => ({ flags: [], priority: 0 }));
    for (const marker of this.markers) {
      const found = marker.markMany ? await marker.markMany(tx, subjects) : await sequentially(subjects, (s) => marker.markFor(tx, s));
      found.forEach((f, i) => {
        if (!f) return;
        marks[i].flags.push(...f.flags.filter((flag) => !marks[i].flags.includes(flag)));
        marks[i].priority = Math.max(marks[i].priority, f.priority);
      });
    }
    return marks;
  }
}

async function sequentially<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await work(item));
  return out;
}
