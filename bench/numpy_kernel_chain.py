"""The kernel-chain workload (docs/theory/kernel-chain.md) as a researcher would write it in numpy: RBF kernel ridge
on MNIST digits with the median-rule bandwidth, parity targets, a fixed design, and a synthetic-label chain whose
generators and downstream model are refitted with np.linalg.solve every generation.

usage: python3 numpy_kernel_chain.py ASSET SAMPLES TEST_SAMPLES GENERATIONS TRIALS RIDGE GENERATOR_RIDGE NOISE
ASSET is build/assets/mnist-digits.bin (format: docs/data.md). Prints {"seconds": best of 3 (kernel matrices and
the chain, not the file read), "lastMean": mean test error at the last generation} as JSON.
"""
import json
import sys
import time

import numpy as np


def read_digits(path):
    raw = open(path, "rb").read()
    assert raw[:8] == b"CLMNIST1"
    count, rows, cols, classes = np.frombuffer(raw, "<u4", 4, 8)
    per_class = np.frombuffer(raw, "<u4", classes, 24)
    pixels = np.frombuffer(raw, np.uint8, count * rows * cols, 24 + 4 * classes).reshape(count, rows * cols)
    starts = np.concatenate([[0], np.cumsum(per_class)[:-1]])
    return pixels, starts


def first_of_each_class(pixels, starts, per_class, offset):
    x = np.concatenate([pixels[s + offset:s + offset + per_class] for s in starts]).astype(np.float64) / 255.0
    y = np.concatenate([np.full(per_class, 1.0 if digit % 2 else -1.0) for digit in range(10)])
    return x, y


def squared_distances(a, b):
    return np.maximum((a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2.0 * a @ b.T, 0.0)


def run(pixels, starts, samples, tests, generations, trials, ridge, generator_ridge, noise, rng):
    x, y_real = first_of_each_class(pixels, starts, samples, 0)
    x_test, y_test = first_of_each_class(pixels, starts, tests, samples)
    d = squared_distances(x, x)
    h = np.sqrt(np.median(d[np.triu_indices(len(x), 1)]))
    k = np.exp(-d / (2 * h * h))
    k_test = np.exp(-squared_distances(x_test, x) / (2 * h * h))
    t = len(x)
    eye = np.eye(t)
    last = []
    for _ in range(trials):
        y = y_real
        for n in range(generations + 1):
            alpha = np.linalg.solve(k + t * ridge * eye, y)  # the downstream model on generation n's labels
            error = np.mean((k_test @ alpha - y_test) ** 2)
            if n < generations:
                generator = np.linalg.solve(k + t * generator_ridge * eye, y)
                y = k @ generator + noise * rng.standard_normal(t)
        last.append(error)
    return float(np.mean(last))


def main():
    path = sys.argv[1]
    samples, tests, generations, trials = (int(a) for a in sys.argv[2:6])
    ridge, generator_ridge, noise = (float(a) for a in sys.argv[6:9])
    pixels, starts = read_digits(path)
    best, mean = float("inf"), 0.0
    for repeat in range(3):
        rng = np.random.default_rng(repeat)
        start = time.perf_counter()
        mean = run(pixels, starts, samples, tests, generations, trials, ridge, generator_ridge, noise, rng)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "lastMean": mean}))


if __name__ == "__main__":
    main()
