import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseClosedEvent, CaseClosedHooks, CaseClosedListener } from '@hub/cases/case-closed.hooks';
import { IntakeMarker, IntakeSubject, TicketIntakeMarks } from '@hub/tickets';
import { CreditRecords } from './credit-records.service';

/**
 * Credit records follow a close in the closing transaction (so the public disclosure lists
 * it as soon as the close commits), and mark new tickets naming a subject with a record.
 */
@Injectable()
export class RecordsHooks implements CaseClosedListener, IntakeMarker, OnModuleInit {
  constructor(
    private readonly closes: CaseClosedHooks,
    private readonly intake: TicketIntakeMarks,
    private readonly records: CreditRecords,
  ) {}

  onModuleInit(): void {
    this.closes.register(this);
    this.intake.register(this);
  }

  onCaseClosed(tx: EntityManager, event: CaseClosedEvent): Promise<void> {
    return this.records.recordCase(tx, event);
  }

  markFor(tx: EntityManager, subject: IntakeSubject) {
    return this.records.markFor(tx, subject);
  }

  markMany(tx: EntityManager, subjects: IntakeSubject[]) {
    return this.records.markMany(tx, subjects);
  }
}
