import { DECIDABLE_STATUSES, ERROR_CODES } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { parseUnitCode, unitExists } from '@hub/taxonomy';
import { ClassificationValue, Kind, RoutingValue, TicketEntity, TicketTransitions } from '@hub/tickets';
import { evaluateRules } from '../rules';
import { RoutingModels } from '../routing-models.service';
import { DecideDto } from './decide.dto';

/**
 * An operator confirms or corrects the router's proposal: the ticket is dispatched
 * and the decision kept as a labelled example the classifier learns from.
 */
@Injectable()
export class TriageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly models: RoutingModels,
    private readonly transitions: TicketTransitions,
  ) {}

  async decide(viewer: Viewer, ticketId: string, dto: DecideDto) {
    const active = await this.models.active();
    return this.db.transaction(async (tx) => {
      const ticket = await tx.getRepository(TicketEntity).findOneBy({ id: ticketId });
      if (!ticket) throw NotFound('Ticket not found');
      const ruled = evaluateRules(active.ruleSet, { category: dto.category, violation: dto.violation, stage: dto.stage, regionCode: ticket.regionCode });
      const leadUnit = dto.leadUnit ?? ruled.leadUnit;
      const assistUnits = dto.assistUnits ?? (dto.leadUnit ? [] : ruled.assistUnits);
      assertUnits([leadUnit, ...assistUnits]);
      const proposal = ticket.classification;
      const agreed = !!proposal && proposal.category === dto.category && proposal.violation === dto.violation && proposal.stage === dto.stage && ticket.routing?.leadUnit === leadUnit;
      const classification: ClassificationValue = {
        category: dto.category,
        violation: dto.violation,
        stage: dto.stage,
        confidence: 1,
        explanation: `${agreed ? '话务员确认' : '话务员修改'}（${viewer.displayName}）${proposal ? `；系统建议：${proposal.explanation}` : ''}`,
        decidedBy: viewer.id,
        proposal: proposal ? { category: proposal.category, violation: proposal.violation, stage: proposal.stage, confidence: proposal.confidence, leadUnit: ticket.routing?.leadUnit ?? null } : null,
      };
      const routing: RoutingValue = {
        ruleSetVersion: active.ruleSetVersion,
        ruleId: dto.leadUnit && dto.leadUnit !== ruled.leadUnit ? 'OPERATOR' : ruled.ruleId,
        leadDepartment: parseUnitCode(leadUnit)?.department ?? ruled.leadDepartment,
        leadUnit,
        assistUnits,
        auto: false,
      };
      if (!DECIDABLE_STATUSES.includes(ticket.status)) throw Conflict(ERROR_CODES.INVALID_TRANSITION, `A ${ticket.status} ticket is not waiting for an operator’s decision`);
      const updated = await this.transitions.dispatch(tx, ticketId, ticket.kind as Kind, {
        classification,
        routing,
        actor: { id: viewer.id, name: viewer.displayName },
        action: agreed ? 'CONFIRMED' : 'CORRECTED',
        expectedVersion: dto.version,
        set: { pipeline_step: 'DONE' },
      });
      await this.keepExample(tx, ticket, dto, leadUnit, agreed, viewer);
      return updated;
    });
  }

  private async keepExample(tx: EntityManager, ticket: TicketEntity, dto: DecideDto, leadUnit: string, agreed: boolean, viewer: Viewer): Promise<void> {
    await tx.query(
      `INSERT INTO labelled_examples (source, ticket_id, feed, kind, text, product_name, subject_name, region_code, category, violation, stage, lead_unit, agreed_with_router, created_by)
       VALUES ('OPERATOR', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (ticket_id) WHERE ticket_id IS NOT NULL DO UPDATE SET category = EXCLUDED.category, violation = EXCLUDED.violation, stage = EXCLUDED.stage,
         lead_unit = EXCLUDED.lead_unit, agreed_with_router = EXCLUDED.agreed_with_router, created_by = EXCLUDED.created_by, created_at = now()`,
      [ticket.id, ticket.feed, ticket.kind, ticket.description, ticket.productName, ticket.subjectName, ticket.regionCode, dto.category, dto.violation, dto.stage, leadUnit, agreed, viewer.id],
    );
  }
}

function assertUnits(units: string[]): void {
  const unknown = units.filter((u) => {
    const parsed = parseUnitCode(u);
    return !parsed || !unitExists(parsed.department, parsed.region) || parsed.department === 'POLICE';
  });
  if (unknown.length > 0) throw Invalid('Unknown unit', unknown.map((u) => ({ field: 'leadUnit', message: `${u} is not a unit that can be dispatched to` })));
}
