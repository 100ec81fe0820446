#!/usr/bin/env node
// `npm start`: prepares the database (migrations, taxonomy, first admin, demo data),
// then runs the api and the worker as separate processes until interrupted.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const runTs = path.join(__dirname, 'run-ts.js');
const withDemo = !process.argv.includes('--no-demo');

const fs = require('node:fs');
if (!fs.existsSync(path.join(root, 'apps', 'web', 'dist', 'index.html'))) {
  const build = spawnSync('npm', ['run', '--silent', 'web:build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.error('the console could not be built; the api still starts');
}

const setup = spawnSync(process.execPath, [runTs, 'apps/api/src/setup.ts', ...(withDemo ? ['--demo'] : [])], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) {
  console.error('setup failed: is PostgreSQL running? (see README, "Getting PostgreSQL and Redis")');
  process.exit(setup.status ?? 1);
}

const children = ['api', 'worker'].map((name) => {
  const child = spawn(process.execPath, [runTs, `apps/${name}/src/main.ts`], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 8000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
