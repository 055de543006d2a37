"""Recursive regression (replace, OLS) with explicit Gaussian designs: the script a researcher would write.

usage: python3 numpy_explicit.py DIM SAMPLES GENERATIONS TRIALS fixed|fresh
Prints {"seconds": best of 3, "lastMean": mean test error at the last generation} as JSON.
Timing covers the simulation only (not the interpreter's start-up).
"""
import json
import sys
import time

import numpy as np


def run(dim, samples, generations, trials, design, rng):
    w_star = np.full(dim, 1.0 / np.sqrt(dim))
    last = []
    for _ in range(trials):
        x = rng.standard_normal((samples, dim))
        w = w_star
        for _ in range(generations):
            if design == "fresh":
                x = rng.standard_normal((samples, dim))
            y = x @ w + rng.standard_normal(samples)
            w = np.linalg.lstsq(x, y, rcond=None)[0]
        last.append(float(np.sum((w - w_star) ** 2)))
    return float(np.mean(last))


def main():
    dim, samples, generations, trials = (int(a) for a in sys.argv[1:5])
    design = sys.argv[5]
    rng = np.random.default_rng(1)
    best, last = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        last = run(dim, samples, generations, trials, design, rng)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "lastMean": last}))


if __name__ == "__main__":
    main()
