/**
 * Routing benchmark: k-fold cross-validation of the classifier + rule evaluation on the public
 * labelled set, auto-routing share and precision, confusions, robustness, probes, throughput.
 * Run: npx ts-node -r tsconfig-paths/register bench/routing/run.ts [--folds 10] [--seed 20261130]
 *      [--threshold 0.8] [--calls 20000] [--quick]
 */
import * as os from 'os';
import { DEFAULT_AUTO_THRESHOLD, DEFAULT_LEXICON, DEFAULT_TRAIN_OPTIONS, refineKind, TicketClassifier } from '@hub/routing/classifier';
import { crossValidate, type Prediction } from './cross-validation';
import { labelledSetPath, loadLabelledSet, toExample, type LabelledRecord } from './dataset';
import { autoRouting, brierScore, calibration, headAccuracy, isLeadUnitRight, share, worstPairs, type Head } from './metrics';
import { probeSets, runProbe } from './probes';
import { regionResolver } from './region';
import { thinnedSettings } from './robustness';
import { lexiconSupportedBy, termSupport } from './term-support';
import { measureThroughput } from './throughput';

const TARGETS = { leadUnit: 0.95, autoShare: 0.85, autoPrecision: 0.98, perSecond: 2000 };
const SWEEP = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98];
const CALIBRATION_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.000001];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const pct = (x: number) => (Number.isNaN(x) ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function section(title: string): void {
  console.log(`\n## ${title}`);
}

function printAccuracy(predictions: Prediction[]): void {
  section(`Cross-validated accuracy (n=${predictions.length}; each record scored by a model, and dictionaries, that never saw it)`);
  for (const head of ['category', 'violation', 'stage', 'lead'] as Head[]) {
    console.log(`  ${(head === 'lead' ? 'lead department' : head).padEnd(16)} ${pct(headAccuracy(predictions, head))}`);
  }
  console.log(`  ${'region'.padEnd(16)} ${pct(share(predictions, (p) => p.region === p.record.expected.region))}`);
  const leadUnit = share(predictions, isLeadUnitRight);
  console.log(`  ${'lead unit'.padEnd(16)} ${pct(leadUnit)}   target ≥ ${pct(TARGETS.leadUnit)}  ${verdict(leadUnit >= TARGETS.leadUnit)}`);
}

function printAutoRouting(predictions: Prediction[], threshold: number): void {
  const auto = autoRouting(predictions, threshold);
  section(`Auto-routing at DEFAULT_AUTO_THRESHOLD = ${threshold}`);
  console.log(`  auto-routed      ${pct(auto.autoShare)} (${auto.autoCount}/${predictions.length})   target ≥ ${pct(TARGETS.autoShare)}  ${verdict(auto.autoShare >= TARGETS.autoShare)}`);
  console.log(`  precision        ${pct(auto.autoPrecision)} (${auto.wrongAuto} wrong)   target ≥ ${pct(TARGETS.autoPrecision)}  ${verdict(auto.autoPrecision >= TARGETS.autoPrecision)}`);
  const triage = predictions.filter((p) => p.classification.confidence < threshold);
  console.log(`  to triage        ${pct(triage.length / predictions.length)} (lead unit right in ${triage.filter(isLeadUnitRight).length} of ${triage.length})`);
}

function printSweep(predictions: Prediction[]): void {
  section('Threshold sweep (share auto-routed, lead-unit precision among them)');
  console.log('  threshold   auto     precision  wrong');
  for (const t of SWEEP) {
    const a = autoRouting(predictions, t);
    console.log(`  ${t.toFixed(2).padStart(9)}  ${pct(a.autoShare)}   ${pct(a.autoPrecision)}   ${String(a.wrongAuto).padStart(4)}`);
  }
}

function printCalibration(predictions: Prediction[]): void {
  section(`Calibration (confidence vs lead-unit accuracy; Brier ${brierScore(predictions).toFixed(4)})`);
  for (const bin of calibration(predictions, CALIBRATION_EDGES)) {
    if (bin.count === 0) continue;
    const range = `[${bin.from.toFixed(2)}, ${Math.min(bin.to, 1).toFixed(2)}${bin.to > 1 ? ']' : ')'}`;
    console.log(`  ${range.padEnd(13)} n=${String(bin.count).padStart(3)}  mean confidence ${bin.meanConfidence.toFixed(3)}  accuracy ${pct(bin.leadUnitAccuracy)}`);
  }
}

function printConfusions(predictions: Prediction[]): void {
  section('Worst confusions per head (expected → predicted: count, ids)');
  for (const head of ['category', 'violation', 'stage', 'lead'] as Head[]) {
    const pairs = worstPairs(predictions, head, 4);
    const text = pairs.length ? pairs.map((p) => `${p.expected}→${p.predicted}: ${p.count} (${p.ids.join(' ')})`).join('; ') : 'none';
    console.log(`  ${head.padEnd(10)} ${text}`);
  }
}

function printRobustness(records: LabelledRecord[], k: number, seed: number, threshold: number, regionOf: Parameters<typeof crossValidate>[1]['regionOf']): void {
  section('Robustness: CV again with 30% of dictionary terms removed at random (3 draws)');
  for (const draw of [1, 2, 3]) {
    const thinned = thinnedSettings({}, 0.3, draw);
    const predictions = crossValidate(records, { k, seed, train: thinned, regionOf, lexiconFor: (training) => lexiconSupportedBy(training, records, 2, thinned.lexicon) });
    const a = autoRouting(predictions, threshold);
    console.log(`  draw ${draw}: lead unit ${pct(share(predictions, isLeadUnitRight))}; at ${threshold}: auto ${pct(a.autoShare)}, precision ${pct(a.autoPrecision)}`);
  }
}

function printProbes(classifier: TicketClassifier): void {
  section('Probe texts written by the developer (model trained on all public records; not an independent test)');
  for (const { name, cases } of probeSets()) {
    const r = runProbe(classifier, name, cases);
    console.log(`  ${name.padEnd(24)} lead ${r.leadRight}/${r.total}, heads ${r.headsRight}/${r.total * 3}${r.misses.length ? `; misses: ${r.misses.join('; ')}` : ''}`);
  }
}

function printKinds(records: LabelledRecord[]): void {
  const fromWords = (text: string) => (text.includes('举报') ? 'REPORT' : text.includes('咨询') ? 'CONSULTATION' : 'COMPLAINT');
  const naive = share(records, (r) => fromWords(r.text) === r.kind);
  const refined = share(records, (r) => refineKind(r.text, fromWords(r.text)) === r.kind);
  section('Kind refinement (intake kind from words 举报/咨询, then refineKind), vs the labelled kind');
  console.log(`  from words ${pct(naive)}   refined ${pct(refined)}`);
}

/** Measured first, in a fresh process state: later sections train many models and load extra jieba instances. */
function printThroughput(records: LabelledRecord[], calls: number): void {
  const started = process.hrtime.bigint();
  const classifier = TicketClassifier.train(records.map(toExample));
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const inputs = records.map((r) => ({ text: r.text, subjectName: r.subjectName, feed: r.feed, kind: r.kind }));
  const rounds = [1, 2, 3].map((round) => measureThroughput(classifier, inputs, calls, round === 1 ? 2000 : 0));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
  const wall = median(rounds.map((r) => r.perSecond));
  const cpu = median(rounds.map((r) => r.perCpuSecond));
  section('Throughput (one process, one thread)');
  console.log(`  training on ${records.length} examples: ${trainSeconds.toFixed(2)} s`);
  console.log(`  3 rounds of ${calls} classify calls after 2000 warm-up (wall clock): ${rounds.map((r) => Math.round(r.perSecond)).join(', ')} /s`);
  console.log(`  median ${Math.round(wall)} classifications/s wall clock (${(1e6 / wall).toFixed(0)} µs each)   target ≥ ${TARGETS.perSecond}/s  ${verdict(wall >= TARGETS.perSecond)}`);
  console.log(`  median ${Math.round(cpu)} classifications per CPU-second (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs while measuring)`);
  console.log(`  model JSON: ${(JSON.stringify(classifier.toJSON()).length / 1024).toFixed(0)} KiB`);
}

function main(): void {
  const k = option('folds', 10);
  const seed = option('seed', 20261130);
  const threshold = option('threshold', DEFAULT_AUTO_THRESHOLD);
  const calls = option('calls', 20000);
  const quick = process.argv.includes('--quick');
  const records = loadLabelledSet();
  const region = regionResolver();
  console.log('# hotline-hub routing benchmark');
  console.log(`labelled set: ${labelledSetPath()} (${records.length} records)`);
  console.log(`region for lead unit: ${region.name}`);
  console.log(`model: TicketClassifier, lexicon ${DEFAULT_LEXICON.version}, options ${JSON.stringify(DEFAULT_TRAIN_OPTIONS)}`);
  console.log(`validation: ${k}-fold cross-validation stratified by expected lead department, seed ${seed}`);
  printThroughput(records, calls);
  const support = termSupport(records);
  const seen = [...support.values()].filter((n) => n > 0).length;
  console.log(`dictionaries: ${support.size} terms, ${seen} of them in some labelled text, ${[...support.values()].filter((n) => n === 1).length} in exactly one`);
  console.log('fold-clean: in each fold a term seen in the labelled set counts only if at least 2 training texts of that fold contain it,');
  console.log('so no scored text shaped a dictionary entry that scores it (terms no labelled text contains stay)');
  const predictions = crossValidate(records, { k, seed, regionOf: region.regionOf, lexiconFor: (training) => lexiconSupportedBy(training, records) });
  printAccuracy(predictions);
  const asShipped = crossValidate(records, { k, seed, regionOf: region.regionOf });
  const shippedAuto = autoRouting(asShipped, threshold);
  console.log(`  (dictionaries as shipped, which were written with every public text in view: lead unit ${pct(share(asShipped, isLeadUnitRight))}, auto ${pct(shippedAuto.autoShare)} at ${pct(shippedAuto.autoPrecision)} — flattering, not a measure)`);
  printAutoRouting(predictions, threshold);
  printSweep(predictions);
  printCalibration(predictions);
  printConfusions(predictions);
  if (!quick) printRobustness(records, k, seed, threshold, region.regionOf);
  printProbes(TicketClassifier.train(records.map(toExample)));
  printKinds(records);
}

main();
