import { Module, type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, CoreModule, EventBus, OUTBOX_TOPICS, OutboxPublisher, OutboxRelay, RedisClient, writeOutbox } from '@hub/core';
import { createTestWorker, resetDatabase, waitFor } from '@hub/testing';

/** A process that commits outbox entries but runs no relay: what it writes must leave on its own. */
@Module({ imports: [CoreModule] })
class CommitterModule {}

describe('outbox: published right after the commit that wrote it, the relay for whatever that missed', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  const heard: string[] = [];

  beforeAll(async () => {
    app = await createTestWorker(CommitterModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    await app.get(EventBus).subscribe((raw) => heard.push(JSON.parse(raw).note));
  });

  afterAll(() => app.close());

  const commitEvent = (note: string) => db.transaction((tx) => writeOutbox(tx, [{ topic: OUTBOX_TOPICS.event, ticketId: null, payload: { event: 'test.note', note } }]));
  const pending = async (note: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE payload->>'note' = $1 AND published_at IS NULL`, [note]))[0].n);
  const quietly = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('publishes a committed entry at once, with no relay running, and marks it', async () => {
    await commitEvent('committed');
    await waitFor(async () => heard.includes('committed'), 2000);
    await waitFor(async () => (await pending('committed')) === 0, 2000);
  });

  it('publishes nothing of a transaction that rolled back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await writeOutbox(tx, [{ topic: OUTBOX_TOPICS.event, ticketId: null, payload: { event: 'test.note', note: 'rolled back' } }]);
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await commitEvent('after the rollback');
    await waitFor(async () => heard.includes('after the rollback'), 2000);
    expect(heard).not.toContain('rolled back');
    expect(Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE payload->>'note' = 'rolled back'`))[0].n)).toBe(0);
  });

  it('leaves an entry it could not publish to the relay, which sends it once', async () => {
    const redis = app.get(RedisClient).redis;
    redis.disconnect();
    try {
      await commitEvent('while Redis was away');
      await quietly(300);
      expect(await pending('while Redis was away')).toBe(1);
    } finally {
      await redis.connect();
    }
    expect(heard).not.toContain('while Redis was away');

    await new OutboxRelay(db, app.get(OutboxPublisher), app.get(AppConfig)).wake();
    await waitFor(async () => heard.includes('while Redis was away'), 2000);
    expect(await pending('while Redis was away')).toBe(0);
    await quietly(300);
    expect(heard.filter((n) => n === 'while Redis was away')).toHaveLength(1);
  });
});
