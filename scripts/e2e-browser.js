#!/usr/bin/env node
// Browser tests: builds the console, starts api + worker on a fresh test database with
// demo data (the api serves the built console), runs Playwright in Debian's Chromium,
// and leaves screenshots in artifacts/screens.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');
const { Client } = require('pg');
const Redis = require('ioredis');

const root = path.join(__dirname, '..');
const runTs = path.join(__dirname, 'run-ts.js');
const PORT = process.env.E2E_PORT || '3100';
const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT,
  HOST: '127.0.0.1',
  DATABASE_NAME: process.env.E2E_DATABASE_NAME || 'hotline_hub_e2e_test',
  REDIS_PREFIX: process.env.E2E_REDIS_PREFIX || 'hube2e',
  LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
  // every browser test signs the same demo accounts in from one address, many times a minute
  LOGIN_RATE_PER_ACCOUNT: '1000',
  LOGIN_RATE_PER_ADDRESS: '1000',
  LOGIN_LOCKOUT_FAILURES: '100',
};
if (!/test/i.test(env.DATABASE_NAME)) throw new Error(`refusing to use database ${env.DATABASE_NAME}: its name must contain "test"`);

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

async function freshDatabase() {
  const admin = new Client({ host: env.DATABASE_HOST || '127.0.0.1', port: Number(env.DATABASE_PORT || 5432), user: env.DATABASE_USER || 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${env.DATABASE_NAME}" WITH (FORCE)`);
  await admin.end();
}

// A fresh database needs fresh Redis state too: rate-limit counters (the portal's lookup
// failures per address, an hour long) would otherwise carry over from an earlier run.
async function freshRedis() {
  const redis = new Redis({ host: env.REDIS_HOST || '127.0.0.1', port: Number(env.REDIS_PORT || 6379), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    return; // no Redis: the servers run in single-machine mode and keep their counters in memory
  }
  for await (const keys of redis.scanStream({ match: `${env.REDIS_PREFIX}:*`, count: 1000 })) {
    if (keys.length) await redis.unlink(...keys);
  }
  await redis.quit();
}

function healthy() {
  return new Promise((resolve) => {
    http.get(`http://127.0.0.1:${PORT}/health`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
  });
}

async function main() {
  run('npm', ['run', '--silent', 'web:build'], { NODE_ENV: 'production' });
  await freshDatabase();
  await freshRedis();
  run(process.execPath, [runTs, 'apps/api/src/setup.ts', '--demo']);
  const children = ['api', 'worker'].map((name) => spawn(process.execPath, [runTs, `apps/${name}/src/main.ts`], { cwd: root, env, stdio: 'inherit' }));
  let status = 1;
  try {
    for (let i = 0; i < 120 && !(await healthy()); i++) await new Promise((r) => setTimeout(r, 500));
    const pw = spawnSync('npx', ['playwright', 'test', '-c', 'apps/web/playwright.config.ts', '--reporter=list,json', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...env, HUB_WEB_URL: `http://127.0.0.1:${PORT}`, PLAYWRIGHT_JSON_OUTPUT_NAME: env.PLAYWRIGHT_JSON_OUTPUT_NAME || path.join(root, 'artifacts', 'playwright-report.json') } });
    status = pw.status ?? 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r)))));
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
