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
    const mark: IntakeMark = { flags: [], priority: 0 };
    for (const marker of this.markers) {
      const found = await marker.markFor(tx, subject);
      if (!found) continue;
      mark.flags.push(...found.flags.filter((f) => !mark.flags.includes(f)));
      mark.priority = Math.max(mark.priority, found.priority);
    }
    return mark;
  }
}
