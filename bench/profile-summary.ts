/**
 * Summarises a `--cpu-prof` profile: self time by package or repo folder, and the hottest functions.
 *   node scripts/run-ts.js bench/profile-summary.ts bench/.scratch/profiles/<run>/hub-api.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { flags, numberFlag } from './support/bench-env';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function area(url: string): string {
  if (!url) return '(native / idle / gc)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const repo = /\/(libs\/[^/]+|apps\/[^/]+|bench)\//.exec(url);
  if (repo) return repo[1];
  if (url.startsWith('node:')) return 'node core';
  return url;
}

function main(): void {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const top = numberFlag(flags(), 'top', 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const a = area(node.callFrame.url);
    byArea.set(a, (byArea.get(a) ?? 0) + t);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(libs|apps)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  console.log(`${file}\n  ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%)\n\n  self time by area (share of busy time):`);
  for (const [a, t] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${a}`);
  console.log('\n  hottest functions (self):');
  for (const [fn, t] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${fn}`);
}

main();
