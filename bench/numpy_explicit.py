"""Recursive regression (replace, OLS) with explicit Gaussian designs: the script a researcher would write.

usage: python3 numpy_explicit.py DIM SAMPLES GENERATIONS TRIALS fixed|fresh [normal|lstsq]
Prints {"seconds": best of 3, "lastMean": mean test error at the last generation} as JSON.
Timing covers the simulation only (not the interpreter's start-up).

Solvers (docs/theory/recursive-regression.md §7, item 9):
  normal  (default) the normal equations, as the C++ explicit path solves them: the Gram matrix XᵀX (numpy's
          x.T @ x is one BLAS syrk), once per trial for a fixed design and once per generation for fresh inputs,
          then (XᵀX) w = Xᵀy by np.linalg.solve (LAPACK gesv, an LU factorisation: numpy has no Cholesky solve
          without SciPy, so numpy factors the d × d system every generation where the C++ path keeps its
          Cholesky factor for a fixed design).
  lstsq   np.linalg.lstsq (LAPACK gelsd, an SVD) every generation: the script's earlier form, for comparison.
"""
import json
import sys
import time

import numpy as np


def run(dim, samples, generations, trials, design, solver, rng):
    w_star = np.full(dim, 1.0 / np.sqrt(dim))
    last = []
    for _ in range(trials):
        x = rng.standard_normal((samples, dim))
        gram = x.T @ x if solver == "normal" else None
        w = w_star
        for _ in range(generations):
            if design == "fresh":
                x = rng.standard_normal((samples, dim))
                if solver == "normal":
                    gram = x.T @ x
            y = x @ w + rng.standard_normal(samples)
            if solver == "normal":
                w = np.linalg.solve(gram, x.T @ y)
            else:
                w = np.linalg.lstsq(x, y, rcond=None)[0]
        last.append(float(np.sum((w - w_star) ** 2)))
    return float(np.mean(last))


def main():
    dim, samples, generations, trials = (int(a) for a in sys.argv[1:5])
    design = sys.argv[5]
    solver = sys.argv[6] if len(sys.argv) > 6 else "normal"
    if solver not in ("normal", "lstsq"):
        raise SystemExit(f"unknown solver {solver!r}: normal or lstsq")
    rng = np.random.default_rng(1)
    best, last = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        last = run(dim, samples, generations, trials, design, solver, rng)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "lastMean": last}))


if __name__ == "__main__":
    main()
