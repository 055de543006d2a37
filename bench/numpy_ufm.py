"""Neural collapse in the unconstrained-features model: full-batch gradient descent on CE + weight decay, the
script a researcher would write (docs/theory/neural-collapse.md, "The unconstrained-features model").

usage: python3 numpy_ufm.py CLASSES FEATURE_DIM PER_CLASS WEIGHT_DECAY FEATURE_DECAY LR STEPS TRIALS
Prints {"seconds": best of 3, "lastMean": mean final objective} as JSON. Same sizes, initialisation law, step and
objective as collapse-lab's terminal-phase preset; it records only the objective, while collapse-lab also measures
every neural-collapse metric at ~40 checkpoints (so this is the cheaper workload).
"""
import json
import sys
import time

import numpy as np


def train(classes, dim, per_class, lam_w, lam_h, lr, steps, rng):
    n = classes * per_class
    y = np.repeat(np.arange(classes), per_class)
    onehot = np.zeros((classes, n))
    onehot[y, np.arange(n)] = 1.0
    w = 0.1 * rng.standard_normal((classes, dim))
    h = 0.1 * rng.standard_normal((dim, n))
    b = np.zeros((classes, 1))
    for _ in range(steps):
        z = w @ h + b
        z -= z.max(axis=0, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=0, keepdims=True)
        g = (p - onehot) / n
        grad_w = g @ h.T + lam_w * w
        grad_h = w.T @ g + lam_h * h
        grad_b = g.sum(axis=1, keepdims=True)
        w -= lr * grad_w
        h -= lr * grad_h
        b -= lr * grad_b
    z = w @ h + b
    top = z.max(axis=0, keepdims=True)
    log_sum = np.log(np.exp(z - top).sum(axis=0)) + top[0]
    ce = np.mean(log_sum - z[y, np.arange(n)])
    return float(ce + 0.5 * lam_w * np.sum(w * w) + 0.5 * lam_h * np.sum(h * h))


def main():
    classes, dim, per_class = (int(a) for a in sys.argv[1:4])
    lam_w, lam_h, lr = (float(a) for a in sys.argv[4:7])
    steps, trials = int(sys.argv[7]), int(sys.argv[8])
    rng = np.random.default_rng(1)
    best, last = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        last = float(np.mean([train(classes, dim, per_class, lam_w, lam_h, lr, steps, rng) for _ in range(trials)]))
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "lastMean": last}))


if __name__ == "__main__":
    main()
