import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '@hub/core';
import { verifyHistoryChains } from '@hub/tickets/history-verifier';

/** Recomputes every ticket's history hash chain and reports each entry that does not match; exits 1 on any break. */
async function verifyHistory(): Promise<number> {
  const env = loadEnvironment();
  const db = new DataSource({ type: 'postgres', host: env.DATABASE_HOST, port: env.DATABASE_PORT, username: env.DATABASE_USER, password: env.DATABASE_PASSWORD, database: env.DATABASE_NAME });
  await db.initialize();
  try {
    const result = await verifyHistoryChains(db);
    for (const b of result.breaks) console.log(`BROKEN ticket ${b.ticketId} history entry ${b.historyId} (${b.action})`);
    console.log(`history chains: ${result.tickets} tickets, ${result.entries} entries, ${result.breaks.length} broken`);
    return result.breaks.length === 0 ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

verifyHistory().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
