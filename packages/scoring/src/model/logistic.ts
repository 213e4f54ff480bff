/**
 * L2-regularised logistic regression by Newton–Raphson (IRLS), no dependencies.
 * Minimises −loglik + (l2/2)·‖β‖² (the intercept is not penalised).
 */

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

/** Solves the symmetric positive definite system A x = b (Cholesky); A is row-major p×p. */
export function solveSpd(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j];
      for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
      if (i === j) L[i * p + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * p + j] = s / L[j * p + j];
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * z[k];
    z[i] = s / L[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * Fits P(y=1) = σ(intercept + Σ β_j x_j). `columns[j][i]` is feature j of row i.
 */
export function fitLogistic(
  columns: Float64Array[],
  y: Uint8Array,
  l2 = 1,
  maxIter = 50,
  tol = 1e-9,
  sampleWeights?: Float64Array,
): LogisticFit {
  const n = y.length;
  const q = columns.length;
  const p = q + 1;
  let ones = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const si = sampleWeights ? sampleWeights[i] : 1;
    ones += y[i] * si;
    total += si;
  }
  const ybar = Math.min(Math.max(ones / Math.max(total, 1e-12), 1e-6), 1 - 1e-6);
  const beta = new Float64Array(p);
  beta[0] = Math.log(ybar / (1 - ybar));
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  let iter = 0;
  let converged = false;
  for (; iter < maxIter; iter++) {
    eta.fill(beta[0]);
    for (let j = 0; j < q; j++) {
      const c = columns[j];
      const b = beta[j + 1];
      if (b !== 0) for (let i = 0; i < n; i++) eta[i] += b * c[i];
    }
    for (let i = 0; i < n; i++) {
      const pi = 1 / (1 + Math.exp(-eta[i]));
      const si = sampleWeights ? sampleWeights[i] : 1;
      w[i] = Math.max(pi * (1 - pi), 1e-12) * si;
      r[i] = (y[i] - pi) * si;
    }
    const H = new Float64Array(p * p);
    const g = new Float64Array(p);
    // intercept row
    let sw = 0;
    let sr = 0;
    for (let i = 0; i < n; i++) {
      sw += w[i];
      sr += r[i];
    }
    H[0] = sw;
    g[0] = sr;
    const wc = new Float64Array(n);
    for (let j = 0; j < q; j++) {
      const c = columns[j];
      let s0 = 0;
      let sg = 0;
      for (let i = 0; i < n; i++) {
        wc[i] = w[i] * c[i];
        s0 += wc[i];
        sg += r[i] * c[i];
      }
      H[(j + 1) * p] = H[j + 1] = s0;
      g[j + 1] = sg - l2 * beta[j + 1];
      for (let k = 0; k <= j; k++) {
        const ck = columns[k];
        let s = 0;
        for (let i = 0; i < n; i++) s += wc[i] * ck[i];
        H[(j + 1) * p + (k + 1)] = H[(k + 1) * p + (j + 1)] = s;
      }
      H[(j + 1) * p + (j + 1)] += l2;
    }
    const step = solveSpd(H, g, p);
    let maxStep = 0;
    for (let j = 0; j < p; j++) {
      beta[j] += step[j];
      maxStep = Math.max(maxStep, Math.abs(step[j]));
    }
    if (maxStep < tol) {
      converged = true;
      iter++;
      break;
    }
  }
  return {
    intercept: beta[0],
    coefficients: Array.from(beta.subarray(1)),
    iterations: iter,
    converged,
  };
}
