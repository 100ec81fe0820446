import type { ClassifierInput, TicketClassifier } from '@hub/routing/classifier';

export interface Throughput {
  calls: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** calls per wall-clock second */
  perSecond: number;
  /** calls per second of this process's CPU time: what one core does when neighbours share the machine */
  perCpuSecond: number;
}

/** Single-threaded loop over the inputs (JS and jieba run on the calling thread: one core). */
export function measureThroughput(classifier: TicketClassifier, inputs: readonly ClassifierInput[], calls: number, warmup: number): Throughput {
  for (let i = 0; i < warmup; i++) classifier.classify(inputs[i % inputs.length]);
  let sink = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink += classifier.classify(inputs[i % inputs.length]).confidence;
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (Number.isNaN(sink)) throw new Error('classifier returned NaN confidence');
  return { calls, wallSeconds, cpuSeconds, perSecond: calls / wallSeconds, perCpuSecond: calls / cpuSeconds };
}
