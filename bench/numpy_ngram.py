"""A plain numpy n-gram refit loop on the Brown corpus asset, for npm run bench (bench/language-model.mjs).

The same workload as the core's language-model experiment with order 2, smoothing none, replace: generation 1
counts the bigrams of the first T training tokens (every tenth document held out, the other documents' sentences
taken in turn), each later generation samples T tokens from the previous model and recounts; every generation
measures the unigram metrics (vocabulary kept, lost tail mass, Gini-Simpson diversity, KL from the corpus).
Usage: numpy_ngram.py <brown-corpus.bin> <T> <generations> <seed>. Prints JSON {seconds, diversity}.
"""
import json
import struct
import sys
import time

import numpy as np


def load(path):
    data = open(path, "rb").read()
    assert data[:8] == b"CLBROWN1"
    documents, vocabulary, tokens, width, names, words = struct.unpack_from("<6I", data, 8)
    offset = 8 + 24
    starts = np.frombuffer(data, dtype="<u4", count=documents + 1, offset=offset)
    offset += 4 * (documents + 1) + names + words
    ids = np.frombuffer(data, dtype="<u2" if width == 2 else "<u4", count=tokens, offset=offset).astype(np.int64)
    return vocabulary, ids, starts


def interleave(ids, starts, held_out):
    sentences = []
    for k in range(len(starts) - 1):
        if (k % 10 == 9) != held_out:
            continue
        doc = ids[starts[k]:starts[k + 1]]
        ends = np.flatnonzero(doc == 0)
        begin = 0
        sentences.append([doc[b:e + 1] for b, e in zip(np.r_[0, ends[:-1] + 1], ends)])
    out = []
    for turn in range(max(len(s) for s in sentences)):
        for s in sentences:
            if turn < len(s):
                out.append(s[turn])
    return np.concatenate(out)


def fit(text, vocabulary):
    previous = np.r_[0, text[:-1]]
    previous[np.r_[False, text[:-1] == 0]] = 0  # a sentence starts afresh after </s>
    codes = np.unique(previous * vocabulary + text, return_counts=True)
    context, word, count = codes[0] // vocabulary, codes[0] % vocabulary, codes[1]
    bounds = np.searchsorted(context, np.arange(vocabulary + 1))
    return word, np.cumsum(count), bounds


def sample(model, tokens, rng):
    word, cumulative, bounds = model
    out = np.empty(tokens, dtype=np.int64)
    history = 0
    u = rng.random(tokens)
    for i in range(tokens):
        lo, hi = bounds[history], bounds[history + 1]
        if lo == hi:
            lo, hi = bounds[0], bounds[1]  # unseen context: back off to the sentence start
        base = cumulative[lo - 1] if lo > 0 else 0
        k = lo + np.searchsorted(cumulative[lo:hi], base + u[i] * (cumulative[hi - 1] - base), side="right")
        history = out[i] = word[min(k, hi - 1)]
    return out


def main():
    path, tokens, generations, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    vocabulary, ids, starts = load(path)
    corpus = np.bincount(ids, minlength=vocabulary) / len(ids)
    real = interleave(ids, starts, False)[:tokens]
    real_counts = np.bincount(real, minlength=vocabulary)
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    text, diversity = real, []
    for g in range(generations):
        if g > 0:
            text = sample(model, tokens, rng)
        model = fit(text, vocabulary)
        counts = np.bincount(text, minlength=vocabulary)
        q = counts / counts.sum()
        seen = real_counts > 0
        _vocabulary = np.mean(counts[seen] > 0)
        _tail = real_counts[seen & (counts == 0)].sum() / real_counts.sum()
        diversity.append(1.0 - np.sum(q * q))
        _kl = np.sum(q[q > 0] * np.log(q[q > 0] / corpus[q > 0]))
    print(json.dumps({"seconds": time.perf_counter() - start, "diversity": diversity[-1]}))


main()
