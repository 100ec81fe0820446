// The api and worker run as compiled JavaScript (dist/, `npm run build`), as in production: no TypeScript
// compiler in their memory and nothing to compile at start. The build is redone when a source is newer.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const STAMP = path.join(root, 'dist', '.built-at');
const SOURCE_DIRS = ['apps/api/src', 'apps/worker/src', 'libs'];

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test') continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(file));
    // tests are not built: editing one needs no rebuild
    else if (/\.(ts|json)$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  if (!fs.existsSync(STAMP)) return false;
  const builtAt = fs.statSync(STAMP).mtimeMs;
  const sources = [...SOURCE_DIRS.map((dir) => path.join(root, dir)), path.join(root, 'tsconfig.json')];
  return sources.every((source) => (fs.statSync(source).isDirectory() ? newestSourceTime(source) : fs.statSync(source).mtimeMs) <= builtAt);
}

/** Builds dist/ unless it is newer than every source; returns false when the build fails. */
function ensureBuilt() {
  if (buildIsCurrent()) return true;
  const startedAt = new Date();
  console.log('building the api and the worker (npm run build)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return false;
  fs.writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
  fs.utimesSync(STAMP, startedAt, startedAt);
  return true;
}

/** `apps/api/src/main.ts` → the compiled dist/apps/api/src/main.js. */
function builtEntry(entry) {
  return path.join(root, 'dist', entry.replace(/\.ts$/, '.js'));
}

module.exports = { ensureBuilt, builtEntry };
