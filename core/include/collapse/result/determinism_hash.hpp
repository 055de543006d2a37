#pragma once
/// @file determinism_hash.hpp
/// The determinism hash of a run: SHA-256 (FIPS 180-4) of its per-trial values (simulateTrials over every
/// trial, trial-major) as little-endian IEEE-754 doubles — the same bytes a Float64Array holds in JavaScript.
/// The native CLI, WebAssembly SIMD and WebAssembly scalar must give the same hash for the same request
/// (tests/determinism/recorded_hashes.json, checked by tests/core/determinism_test.cpp in all three builds and
/// by tests/js/determinism.test.mjs; the guarantee is stated in docs/determinism.md).
#include <cstddef>
#include <string>
#include <vector>

#include "collapse/sweep/plan.hpp"

namespace collapse {

/// SHA-256 of `bytes` bytes at `data`, as 64 lower-case hex digits.
std::string sha256Hex(const void* data, std::size_t bytes);

/// SHA-256 of the values' little-endian IEEE-754 bytes.
std::string trialValuesHash(const std::vector<double>& values);

/// The hash of every trial of the request's plan.
std::string determinismHash(const Plan& plan);

}  // namespace collapse
