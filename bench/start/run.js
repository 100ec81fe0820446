#!/usr/bin/env node
// `npm run bench:start`: how long the zero-setup `npm start` takes. Runs scripts/start.js
// with nothing answering on fresh unused PostgreSQL and Redis ports and a fresh data folder,
// twice (the first start: embedded PostgreSQL initialised, migrated, demo data; then a
// restart on the same data), and prints the seconds until /health answers and the CPU
// seconds the whole system used. `--web` removes apps/web/dist first, so the first start
// builds the console too, as after a fresh clone.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function timeStart(env, apiPort) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], { cwd: root, env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode})`);
    const res = await fetch(`http://127.0.0.1:${apiPort}/health`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  child.kill('SIGTERM');
  await exited;
  return seconds;
}

/** CPU seconds of this process's finished descendants (Linux: cutime + cstime; start.js waits for its own). */
function childCpuSeconds() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[13]) + Number(stat[14]); // cutime + cstime
  return ticks / 100;
}

async function main() {
  if (process.argv.includes('--web')) fs.rmSync(path.join(root, 'apps', 'web', 'dist'), { recursive: true, force: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-hub-bench-start-'));
  const apiPort = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DATABASE_|REDIS_|TEST_|E2E_|NODE_ENV$|PORT$|HOST$|LOG_LEVEL$|SINGLE_MACHINE$|LOCAL_DATA_DIR$)/.test(key)));
  const env = { ...base, DATABASE_PORT: String(await freePort()), REDIS_PORT: String(await freePort()), PORT: String(apiPort), HOST: '127.0.0.1', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  try {
    console.log(`zero-setup start on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    let cpu = childCpuSeconds();
    const first = await timeStart(env, apiPort);
    console.log(`first start${process.argv.includes('--web') ? ' (console built)' : ''}: /health after ${first.toFixed(1)} s, ${(childCpuSeconds() - cpu).toFixed(1)} CPU s (start to stop)`);
    cpu = childCpuSeconds();
    const again = await timeStart(env, apiPort);
    console.log(`restart on the same data: /health after ${again.toFixed(1)} s, ${(childCpuSeconds() - cpu).toFixed(1)} CPU s (start to stop)`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
