import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Kind, Role, TicketView } from '@hub/contracts';
import { staffToken } from './staff';

const INTAKE_KINDS: Record<Kind, string> = { COMPLAINT: '投诉', REPORT: '举报', CONSULTATION: '咨询', SUGGESTION: '建议' };

export interface TicketSpec {
  kind?: Kind;
  /** the lead unit the operator dispatches it to */
  unit?: string;
  assistUnits?: string[];
  subject?: { name: string; uscc?: string; address?: string };
  text?: string;
  receivedAt?: string;
}

/**
 * Test data through the product's own doors: tickets arrive by a feed push and reach a
 * unit by an operator's decision; staff come with tokens. Never raw SQL.
 */
export class CaseWorld {
  private operator: string | null = null;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly app: INestApplication) {}

  http() {
    return request(this.app.getHttpServer());
  }

  /** A token for a staff member with `role` in `unit` (one account per role and unit). */
  async token(role: Role, unit: string | null = null): Promise<string> {
    const key = `${role}|${unit ?? ''}`;
    const known = this.tokens.get(key);
    if (known) return known;
    const username = `${role.toLowerCase()}.${(unit ?? 'none').toLowerCase().replace('@', '.')}.${randomUUID().slice(0, 6)}`;
    const token = await staffToken(this.app, { username, roles: [role], unit });
    this.tokens.set(key, token);
    return token;
  }

  /** A ticket received on the 12315 feed, not yet routed. */
  async receivedTicket(spec: TicketSpec = {}): Promise<string> {
    const body = {
      gdbh: `CW-${randomUUID()}`,
      ldsj: spec.receivedAt ?? '2026-03-15 09:12:33',
      sjlx: INTAKE_KINDS[spec.kind ?? 'REPORT'],
      sqr: { xm: '张三', dh: '13912345678' },
      bsdx: { mc: spec.subject?.name ?? '长春市宏达超市有限公司', dz: spec.subject?.address ?? '长春市朝阳区西安大路88号', ...(spec.subject?.uscc ? { tyshxydm: spec.subject.uscc } : {}) },
      sqnr: spec.text ?? '超市销售的奶粉罐底生产日期被涂改',
    };
    const res = await this.http().post('/api/v1/intake/12315').set('X-Feed-Key', 'dev-key-12315').set('Content-Type', 'application/json').send(body).expect(202);
    return res.body.accepted[0].ticketId as string;
  }

  /** A ticket an operator dispatched to `unit` (default AIC@220100): status DISPATCHED. */
  async dispatchedTicket(spec: TicketSpec = {}): Promise<TicketView> {
    const id = await this.receivedTicket(spec);
    this.operator ??= await this.token('OPERATOR');
    const auth = { Authorization: `Bearer ${this.operator}` };
    const current = await this.http().get(`/api/v1/tickets/${id}`).set(auth).expect(200);
    await this.http().post(`/api/v1/console/tickets/${id}/claim`).set(auth).expect(200);
    const decided = await this.http()
      .post(`/api/v1/console/tickets/${id}/decide`)
      .set(auth)
      .send({ version: current.body.version, category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', leadUnit: spec.unit ?? 'AIC@220100', assistUnits: spec.assistUnits ?? [] })
      .expect(200);
    return decided.body as TicketView;
  }

  /** POSTs a case action as `token` with the ticket's current version; answers the response for the caller to check. */
  async act(token: string, id: string, action: string, body: Record<string, unknown> = {}) {
    const current = await this.ticket(token, id).catch(() => null);
    return this.http()
      .post(`/api/v1/tickets/${id}/${action}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: current?.version ?? 1, ...body });
  }

  async ticket(token: string, id: string): Promise<TicketView> {
    const res = await this.http().get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`GET ticket ${id}: ${res.status}`);
    return res.body as TicketView;
  }
}
