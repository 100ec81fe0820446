import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a figure came from; the load average says how busy it was with other work. */
export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
