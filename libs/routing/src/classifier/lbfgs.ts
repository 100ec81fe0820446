export interface Objective {
  (x: Float64Array, grad: Float64Array): number;
}

export interface LbfgsOptions {
  maxIterations: number;
  memory: number;
  tolerance: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function twoLoopDirection(grad: Float64Array, sList: Float64Array[], yList: Float64Array[]): Float64Array {
  const q = Float64Array.from(grad);
  const alphas: number[] = [];
  for (let k = sList.length - 1; k >= 0; k--) {
    const rho = 1 / dot(yList[k], sList[k]);
    const alpha = rho * dot(sList[k], q);
    alphas[k] = alpha;
    for (let i = 0; i < q.length; i++) q[i] -= alpha * yList[k][i];
  }
  const last = sList.length - 1;
  const gamma = last >= 0 ? dot(sList[last], yList[last]) / dot(yList[last], yList[last]) : 1;
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < sList.length; k++) {
    const rho = 1 / dot(yList[k], sList[k]);
    const beta = rho * dot(yList[k], q);
    for (let i = 0; i < q.length; i++) q[i] += sList[k][i] * (alphas[k] - beta);
  }
  for (let i = 0; i < q.length; i++) q[i] = -q[i];
  return q;
}

/** Limited-memory BFGS with a backtracking (Armijo) line search; deterministic. */
export function minimize(objective: Objective, start: Float64Array, options: LbfgsOptions): Float64Array {
  let x = Float64Array.from(start);
  let grad = new Float64Array(x.length);
  let value = objective(x, grad);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  for (let iter = 0; iter < options.maxIterations; iter++) {
    let direction = twoLoopDirection(grad, sList, yList);
    let slope = dot(direction, grad);
    if (slope >= 0) {
      direction = grad.map((g) => -g);
      slope = dot(direction, grad);
      sList.length = yList.length = 0;
    }
    let step = iter === 0 ? 1 / Math.max(1, Math.sqrt(dot(grad, grad))) : 1;
    const nextGrad = new Float64Array(x.length);
    let next = new Float64Array(x.length);
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < x.length; i++) next[i] = x[i] + step * direction[i];
      nextValue = objective(next, nextGrad);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextValue < value)) break;
    const s = next.map((v, i) => v - x[i]);
    const y = nextGrad.map((v, i) => v - grad[i]);
    if (dot(s, y) > 1e-12) {
      sList.push(s);
      yList.push(y);
      if (sList.length > options.memory) {
        sList.shift();
        yList.shift();
      }
    }
    const improvement = (value - nextValue) / Math.max(1, Math.abs(value));
    x = next;
    grad = nextGrad;
    value = nextValue;
    next = new Float64Array(0);
    if (improvement < options.tolerance) break;
  }
  return x;
}
