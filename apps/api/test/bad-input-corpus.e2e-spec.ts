import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ROLES } from '@hub/auth';
import { openApiDocument } from '@hub/core';
import { BadInput, createTestApi, endpointCorpus, feedCorpus, OpenApiLike, resetDatabase, staffToken } from '@hub/testing';
import { ApiModule } from '../src/api.module';

interface Answer {
  input: BadInput;
  status: number;
  body: Record<string, any>;
}

/**
 * Several hundred bad requests over every feed and every route of the OpenAPI document (so a new
 * route is covered the day it is added), sent in sequence to one app: never a 5xx, a clear 4xx or
 * an acceptance, the raw bytes of every keyed feed request stored and settled, no partial ticket.
 */
describe('bad input corpus: no 500 for any input', () => {
  let app: INestApplication;
  let db: DataSource;
  let token: string;
  const answers: Answer[] = [];
  let corpus: BadInput[];

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    // every role, so each route's own validation is reached rather than stopped at its role check
    token = await staffToken(app, { username: 'corpus.all', roles: [...ROLES], unit: 'AIC@220100' });
    corpus = [...feedCorpus(), ...endpointCorpus(openApiDocument(app) as unknown as OpenApiLike)];
  });

  afterAll(() => app.close());

  async function send(input: BadInput): Promise<Answer> {
    const req = request(app.getHttpServer())[input.method.toLowerCase() as 'get'](input.path);
    if (input.feed) req.set('X-Feed-Key', `dev-key-${input.feed}`);
    else req.set('Authorization', `Bearer ${token}`);
    if (input.body !== undefined) {
      req.set('Content-Type', input.contentType ?? 'application/json').set('Content-Length', String(input.body.length));
      req.write(input.body);
    }
    const res = await req;
    return { input, status: res.status, body: (res.body ?? {}) as Record<string, any> };
  }

  const describeAnswer = (a: Answer) => `${a.input.name} → ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`;

  it('holds at least 300 bad inputs over all seven feeds and every route', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.filter((c) => c.feed).map((c) => c.feed))).toEqual(new Set(['12315', '12365', '12358', '12330', '12390', '12316', '12312']));
    const routes = Object.keys((openApiDocument(app) as unknown as OpenApiLike).paths).filter((p) => !p.includes('/intake/') && p !== '/health');
    const covered = new Set(corpus.map((c) => c.name.split(':')[0].split(' ')[1]));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  /** Sent in sequence, one group per test: the feeds, then every staff and public route (reads, then writes). */
  async function sendAll(inputs: BadInput[]): Promise<Answer[]> {
    const mine: Answer[] = [];
    for (const input of inputs) mine.push(await send(input));
    answers.push(...mine);
    return mine;
  }

  it('answers every feed’s bad requests without a 5xx', async () => {
    const mine = await sendAll(corpus.filter((c) => c.feed));
    expect(mine.filter((a) => a.status >= 500).map(describeAnswer)).toEqual([]);
  });

  it('answers bad requests to every staff and public route that reads, without a 5xx', async () => {
    const mine = await sendAll(corpus.filter((c) => !c.feed && c.method === 'GET'));
    expect(mine.filter((a) => a.status >= 500).map(describeAnswer)).toEqual([]);
  });

  it('answers bad requests to every staff and public route that writes, without a 5xx', async () => {
    const mine = await sendAll(corpus.filter((c) => !c.feed && c.method !== 'GET'));
    expect(mine.filter((a) => a.status >= 500).map(describeAnswer)).toEqual([]);
  });

  it('answers what must be refused with a 4xx, and everything else with a 2xx or 4xx', () => {
    expect(answers.filter((a) => a.input.expect === 'REJECT' && (a.status < 400 || a.status >= 500)).map(describeAnswer)).toEqual([]);
    expect(answers.filter((a) => !(a.status < 300 || (a.status >= 400 && a.status < 500))).map(describeAnswer)).toEqual([]);
  });

  it('leaves no prototype polluted by "__proto__" or "constructor" keys', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('gives every 4xx a stable code and a message in the contracts shape', () => {
    const unclear = answers.filter((a) => a.status >= 400 && !(typeof a.body.error?.code === 'string' && typeof a.body.error?.message === 'string' && a.body.error.message.length > 5));
    expect(unclear.map(describeAnswer)).toEqual([]);
  });

  it('refuses invalid text (NUL, unpaired surrogates) with 422 naming the field', () => {
    const named = (a: Answer) =>
      a.status === 422 &&
      [...(a.body.error?.details ?? []), ...(a.body.rejected ?? []).flatMap((r: { errors: unknown[] }) => r.errors)].some((d: { field: string }) =>
        d.field.split(/[.[\]/]/).includes(a.input.field as string),
      );
    const fair404 = (a: Answer) => a.input.absentResource === true && a.status === 404;
    expect(answers.filter((a) => a.input.field && !named(a) && !fair404(a)).map(describeAnswer)).toEqual([]);
  });

  it('stores the raw bytes of every feed request with a valid key and size, and settles each (none left RECEIVED)', async () => {
    const feedAnswers = answers.filter((a) => a.input.feed && a.status !== 413);
    expect(feedAnswers.filter((a) => typeof a.body.rawId !== 'string').map(describeAnswer)).toEqual([]);
    const ids = feedAnswers.map((a) => a.body.rawId as string);
    const rows: Array<{ id: string; state: string }> = await db.query(`SELECT id, state FROM raw_records WHERE id = ANY($1)`, [ids]);
    expect(rows).toHaveLength(new Set(ids).size);
    expect(rows.filter((r) => r.state === 'RECEIVED')).toEqual([]);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM raw_records WHERE state = 'RECEIVED'`);
    expect(Number(n)).toBe(0);
  });

  it('makes no ticket from a refused request, and a whole ticket from every accepted record', async () => {
    const refused = answers.filter((a) => a.input.feed && a.status >= 400 && a.body.rawId).map((a) => a.body.rawId as string);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM tickets WHERE raw_id = ANY($1)`, [refused]);
    expect(Number(n)).toBe(0);
    const accepted = answers.filter((a) => a.input.feed && a.status === 202).flatMap((a) => a.body.accepted as Array<{ ticketId: string }>);
    expect(accepted.length).toBeGreaterThan(20);
    const ids = [...new Set(accepted.map((a) => a.ticketId))];
    const complete: Array<{ n: string }> = await db.query(
      `SELECT count(*) AS n FROM tickets t WHERE t.id = ANY($1) AND EXISTS (SELECT 1 FROM record_revisions r WHERE r.ticket_id = t.id) AND EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id)`,
      [ids],
    );
    expect(Number(complete[0].n)).toBe(ids.length);
  });

  it('keeps what is wrong but harmless as flagged text: an invalid USCC is stored with usccValid false', async () => {
    const answer = answers.find((a) => a.input.name === '12315 invalid USCC kept and flagged');
    expect(answer?.status).toBe(202);
    const [row] = await db.query(`SELECT subject_uscc, subject_uscc_valid FROM tickets WHERE id = $1`, [answer?.body.accepted[0].ticketId]);
    expect(row).toEqual({ subject_uscc: '91220101MA0Y3K2X1Z', subject_uscc_valid: false });
  });

  it('treats LIKE metacharacters in a search as plain characters', async () => {
    const all = await request(app.getHttpServer()).get('/api/v1/console/tickets?limit=1').set('Authorization', `Bearer ${token}`).expect(200);
    expect(all.body.total).toBeGreaterThan(0);
    const percent = await request(app.getHttpServer()).get('/api/v1/console/tickets?q=%25').set('Authorization', `Bearer ${token}`).expect(200);
    const withPercent: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM tickets WHERE strpos(description, '%') > 0 OR strpos(subject_name, '%') > 0 OR tracking_code = '%' OR external_id = '%'`);
    expect(percent.body.total).toBe(Number(withPercent[0].n));
    expect(percent.body.total).toBeLessThan(all.body.total);
  });
});
