#!/usr/bin/env node
// `npm test`: every tier — unit (pure domain), integration and e2e (real PostgreSQL
// and Redis) — in one jest run, then one closing line with the counts.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const report = path.join(os.tmpdir(), `hotline-hub-jest-${process.pid}.json`);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let summary = null;
try {
  summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.unlinkSync(report);
} catch {
  /* jest could not write its report */
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
process.exit(jest.status ?? 1);
