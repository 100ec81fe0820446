#!/usr/bin/env node
// `npm test`: every jest tier — unit (pure domain), integration and e2e (real PostgreSQL
// and Redis), and the zero-setup smoke suite (`npm start` with neither answering, on
// unused ports) — then the console in Chromium, then the short fault drill (its own
// PostgreSQL and Redis, 1,000 records, one fault of each kind; each invariant counts as a
// test); one closing line with the counts. HUB_TEST_DRILL=0 leaves the drill out.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const jestReport = path.join(os.tmpdir(), `hotline-hub-jest-${process.pid}.json`);
const browserReport = path.join(os.tmpdir(), `hotline-hub-pw-${process.pid}.json`);
const drillReport = path.join(os.tmpdir(), `hotline-hub-drill-${process.pid}.json`);

function readJson(file) {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.unlinkSync(file);
    return value;
  } catch {
    return null;
  }
}

const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runInBand', '--json', `--outputFile=${jestReport}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const browser = spawnSync(process.execPath, [path.join(__dirname, 'e2e-browser.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: browserReport },
});
const withDrill = process.env.HUB_TEST_DRILL !== '0';
const drill = withDrill
  ? spawnSync(process.execPath, [path.join(__dirname, 'run-ts.js'), 'bench/drill/run.ts', '--records', '1000', '--json', drillReport], { cwd: root, stdio: 'inherit' })
  : { status: 0 };

const j = readJson(jestReport);
const b = readJson(browserReport);
// a drill that died before writing its report counts as one failure
const d = withDrill ? (readJson(drillReport) ?? { passed: 0, failed: 1 }) : null;
const passed = (j?.numPassedTests ?? 0) + (b?.stats?.expected ?? 0) + (d?.passed ?? 0);
const failed = (j?.numFailedTests ?? 0) + (b?.stats?.unexpected ?? 0) + (b?.stats?.flaky ?? 0) + (d?.failed ?? 0);
const skipped = (j ? j.numPendingTests + j.numTodoTests : 0) + (b?.stats?.skipped ?? 0);
console.log(
  `\njest: ${j ? `${j.numPassedTests} passed, ${j.numFailedTests} failed` : 'no report'}; browser: ${b ? `${b.stats.expected} passed, ${b.stats.unexpected} failed` : 'no report'}; drill: ${d ? `${d.passed} passed, ${d.failed} failed` : 'left out'}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && browser.status === 0 && drill.status === 0 ? 0 : 1);
