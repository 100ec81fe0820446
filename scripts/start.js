#!/usr/bin/env node
// `npm start`: the whole system on this machine. Uses PostgreSQL and Redis where they
// answer; where nothing answers on a local address it runs an embedded PostgreSQL (data
// in .data/) and/or single-machine mode (queues and live events on PostgreSQL, no Redis).
// Then builds the api and the worker when a source changed (dist/), prepares the database
// (migrations, taxonomy, first admin, demo data) and runs the api and the worker as
// separate processes until interrupted.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { parseEnv } = require('node:util');

const root = path.join(__dirname, '..');
const { ensureBuilt, builtEntry } = require('./built-app');
const withDemo = !process.argv.includes('--no-demo');
const STOP_GRACE_MS = 8000;

/** The settings as the api and worker will see them: the environment over `.env`, over the defaults. */
function readSettings() {
  const envFile = path.join(root, '.env');
  const fromFile = fs.existsSync(envFile) ? parseEnv(fs.readFileSync(envFile, 'utf8')) : {};
  const defaults = { NODE_ENV: 'development', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: '5432', REDIS_HOST: '127.0.0.1', REDIS_PORT: '6379', LOCAL_DATA_DIR: '.data' };
  const set = Object.fromEntries(Object.entries({ ...fromFile, ...process.env }).filter(([, v]) => v !== undefined && v !== ''));
  return { ...defaults, ...set };
}

function answers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const shortPath = (file) => (path.relative(root, file).startsWith('..') ? file : path.relative(root, file));
const isLocal = (host) => host === 'localhost' || host === '::1' || /^127\./.test(host);

function buildConsoleWhenMissing() {
  if (fs.existsSync(path.join(root, 'apps', 'web', 'dist', 'index.html'))) return;
  const build = spawnSync('npm', ['run', '--silent', 'web:build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.error('the console could not be built; the api still starts');
}

/** Starts scripts/embedded-postgres.js in its own process group, so Ctrl-C reaches it only through stop(). */
function startEmbeddedPostgres(env) {
  const child = spawn(process.execPath, [path.join(__dirname, 'embedded-postgres.js')], { cwd: root, env, detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, ...message }));
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL did not start (${code})`)));
  });
}

/** Decides where the database, the queues and the live events live; returns the children's environment. */
async function chooseServices(settings) {
  const env = { ...process.env };
  const production = settings.NODE_ENV === 'production';
  const dbAddress = `${settings.DATABASE_HOST}:${settings.DATABASE_PORT}`;
  let database = `PostgreSQL at ${dbAddress}`;
  let embedded = null;
  if (!(await answers(settings.DATABASE_HOST, settings.DATABASE_PORT))) {
    if (production || !isLocal(settings.DATABASE_HOST)) throw new Error(`PostgreSQL at ${dbAddress} does not answer`);
    embedded = await startEmbeddedPostgres({ ...env, DATABASE_PORT: settings.DATABASE_PORT });
    Object.assign(env, { DATABASE_HOST: '127.0.0.1', DATABASE_PASSWORD: embedded.password });
    database = `embedded PostgreSQL ${embedded.version} on 127.0.0.1:${settings.DATABASE_PORT} (data in ${shortPath(embedded.clusterDir)})`;
  }

  const redisAddress = `${settings.REDIS_HOST}:${settings.REDIS_PORT}`;
  let single = settings.SINGLE_MACHINE === 'true';
  if (!single && !(await answers(settings.REDIS_HOST, settings.REDIS_PORT))) {
    if (production || !isLocal(settings.REDIS_HOST)) console.error(`Redis at ${redisAddress} does not answer; the api and worker keep trying`);
    else single = true;
  }
  if (single) {
    env.SINGLE_MACHINE = 'true';
    console.log(`Single-machine mode: ${database}; queues and live events on PostgreSQL, no Redis. To switch to Redis, make it answer on ${redisAddress} (or set REDIS_HOST and REDIS_PORT) and restart.`);
  } else if (embedded) {
    console.log(`Database: ${database}, because nothing answers on ${dbAddress}; queues and live events on Redis at ${redisAddress}.`);
  }
  return { env, embedded };
}

let stopping = false;
let children = [];
let embedded = null;

function whenExited(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

/** The api and the worker first, the database they use last. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => whenExited(child, STOP_GRACE_MS)));
  if (embedded) {
    embedded.child.kill('SIGTERM');
    await whenExited(embedded.child, 30000);
  }
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  buildConsoleWhenMissing();
  if (!ensureBuilt()) {
    console.error('the api and the worker could not be built (npm run build)');
    return stop(1);
  }
  const services = await chooseServices(readSettings());
  embedded = services.embedded;
  embedded?.child.on('exit', () => {
    if (!stopping) void stop(1);
  });

  const setup = spawnSync(process.execPath, [builtEntry('apps/api/src/setup.ts'), ...(withDemo ? ['--demo'] : [])], { cwd: root, stdio: 'inherit', env: services.env });
  if (setup.status !== 0) {
    console.error('setup failed: is PostgreSQL running? (see README, "Getting PostgreSQL and Redis")');
    return stop(setup.status ?? 1);
  }
  if (stopping) return;

  children = ['api', 'worker'].map((name) => {
    const child = spawn(process.execPath, [builtEntry(`apps/${name}/src/main.ts`)], { cwd: root, stdio: 'inherit', env: services.env });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} stopped (${signal ?? code}); stopping the rest`);
        void stop(code || 1);
      }
    });
    return child;
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
