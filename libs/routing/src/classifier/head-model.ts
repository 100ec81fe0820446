import { TIED_COUNT } from './features';
import { minimize } from './lbfgs';
import type { HeadModelJSON } from './types';

export interface EncodedExample extends EncodedFeatures {
  /** TIED_COUNT × C class-aligned values */
  tied: Float64Array;
  label: number;
  weight: number;
}

export interface HeadTrainOptions {
  l2: number;
  l2Tied: number;
  maxIterations: number;
}

export interface EncodedFeatures {
  indices: Int32Array;
  values: Float64Array;
}

export interface BoundHead {
  probabilities(tiedValues: Float64Array, encoded: EncodedFeatures, temperature: number): Float64Array;
}

/** Sparse features → positions in a fixed index; unknown features are dropped. */
export function encodeFeatures(sparse: ReadonlyMap<string, number>, index: ReadonlyMap<string, number>): EncodedFeatures {
  const indices: number[] = [];
  const values: number[] = [];
  for (const [feature, value] of sparse) {
    const i = index.get(feature);
    if (i !== undefined) {
      indices.push(i);
      values.push(value);
    }
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

const L2_BIAS = 0.01;
const PRECISION = 1e4;

const round = (x: number): number => Math.round(x * PRECISION) / PRECISION;

/** Multinomial log-linear model of one head: per-class bias, shared dictionary weights, per-class sparse weights. */
export class HeadModel {
  constructor(
    readonly classes: string[],
    readonly bias: Float64Array,
    readonly tied: Float64Array,
    readonly weights: Map<string, Float64Array>,
  ) {}

  logits(tiedValues: Float64Array, sparse: Map<string, number>): Float64Array {
    const out = this.tiedLogits(tiedValues);
    const C = this.classes.length;
    for (const [feature, value] of sparse) {
      const w = this.weights.get(feature);
      if (w) for (let c = 0; c < C; c++) out[c] += value * w[c];
    }
    return out;
  }

  private tiedLogits(tiedValues: Float64Array): Float64Array {
    const C = this.classes.length;
    const out = Float64Array.from(this.bias);
    for (let g = 0; g < this.tied.length; g++) {
      const theta = this.tied[g];
      if (theta === 0) continue;
      for (let c = 0; c < C; c++) out[c] += theta * tiedValues[g * C + c];
    }
    return out;
  }

  /** Dense weights over a feature index shared by all heads, for the hot path (one map lookup per feature, not per head). */
  bind(index: ReadonlyMap<string, number>): BoundHead {
    const C = this.classes.length;
    const dense = new Float64Array(index.size * C);
    for (const [feature, w] of this.weights) {
      const f = index.get(feature);
      if (f !== undefined) dense.set(w, f * C);
    }
    return {
      probabilities: (tiedValues, encoded, temperature) => {
        const out = this.tiedLogits(tiedValues);
        for (let k = 0; k < encoded.indices.length; k++) {
          const base = encoded.indices[k] * C;
          const value = encoded.values[k];
          for (let c = 0; c < C; c++) out[c] += value * dense[base + c];
        }
        return softmax(out, temperature);
      },
    };
  }

  /** Parameter contribution of each sparse feature to one class, for explanations and debugging. */
  contributions(sparse: Map<string, number>, classIndex: number): { feature: string; value: number }[] {
    return [...sparse]
      .map(([feature, value]) => ({ feature, value: value * (this.weights.get(feature)?.[classIndex] ?? 0) }))
      .filter((x) => x.value !== 0)
      .sort((a, b) => b.value - a.value);
  }

  toJSON(): HeadModelJSON {
    const weights: Record<string, number[]> = {};
    for (const [feature, w] of this.weights) weights[feature] = [...w];
    return { classes: [...this.classes], bias: [...this.bias], tied: [...this.tied], weights };
  }

  static fromJSON(json: HeadModelJSON): HeadModel {
    const weights = new Map(Object.entries(json.weights).map(([f, w]) => [f, Float64Array.from(w)] as const));
    return new HeadModel([...json.classes], Float64Array.from(json.bias), Float64Array.from(json.tied), weights);
  }

  static train(classes: string[], vocabulary: string[], examples: EncodedExample[], options: HeadTrainOptions): HeadModel {
    const C = classes.length;
    const F = vocabulary.length;
    const start = new Float64Array(C + TIED_COUNT + F * C);
    start[C] = 1; // pos evidence starts as a vote for its class
    const x = minimize((params, grad) => objective(params, grad, examples, C, F, options), start, {
      maxIterations: options.maxIterations,
      memory: 10,
      tolerance: 1e-7,
    });
    const bias = x.slice(0, C).map(round);
    const tied = x.slice(C, C + TIED_COUNT).map(round);
    const weights = new Map<string, Float64Array>();
    vocabulary.forEach((feature, f) => {
      const w = x.slice(C + TIED_COUNT + f * C, C + TIED_COUNT + (f + 1) * C).map(round);
      if (w.some((v) => v !== 0)) weights.set(feature, w);
    });
    return new HeadModel(classes, bias, tied, weights);
  }
}

export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += out[c] = Math.exp((logits[c] - max) / temperature);
  for (let c = 0; c < logits.length; c++) out[c] /= sum;
  return out;
}

function objective(params: Float64Array, grad: Float64Array, examples: EncodedExample[], C: number, F: number, options: HeadTrainOptions): number {
  const G = TIED_COUNT;
  const wOffset = C + G;
  grad.fill(0);
  let loss = 0;
  const scores = new Float64Array(C);
  for (const ex of examples) {
    for (let c = 0; c < C; c++) scores[c] = params[c];
    for (let g = 0; g < G; g++) {
      const theta = params[C + g];
      for (let c = 0; c < C; c++) scores[c] += theta * ex.tied[g * C + c];
    }
    for (let k = 0; k < ex.indices.length; k++) {
      const base = wOffset + ex.indices[k] * C;
      const v = ex.values[k];
      for (let c = 0; c < C; c++) scores[c] += v * params[base + c];
    }
    const p = softmax(scores);
    loss -= ex.weight * Math.log(Math.max(p[ex.label], 1e-300));
    for (let c = 0; c < C; c++) {
      const r = ex.weight * (p[c] - (c === ex.label ? 1 : 0));
      if (r === 0) continue;
      grad[c] += r;
      for (let g = 0; g < G; g++) grad[C + g] += r * ex.tied[g * C + c];
      for (let k = 0; k < ex.indices.length; k++) grad[wOffset + ex.indices[k] * C + c] += r * ex.values[k];
    }
  }
  for (let c = 0; c < C; c++) {
    loss += 0.5 * L2_BIAS * params[c] ** 2;
    grad[c] += L2_BIAS * params[c];
  }
  for (let g = 0; g < G; g++) {
    loss += 0.5 * options.l2Tied * params[C + g] ** 2;
    grad[C + g] += options.l2Tied * params[C + g];
  }
  for (let i = wOffset; i < wOffset + F * C; i++) {
    loss += 0.5 * options.l2 * params[i] ** 2;
    grad[i] += options.l2 * params[i];
  }
  return loss;
}
