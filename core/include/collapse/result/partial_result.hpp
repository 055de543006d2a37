#pragma once
/// @file partial_result.hpp
/// Sweeps larger than one machine: a shard i/k of a request simulates trials [⌊i·R/k⌋, ⌊(i+1)·R/k⌋) and keeps
/// their per-trial values (so medians and quantiles of the merged run stay exact); merging the k partial results
/// concatenates the values in trial order and assembles the Result — bit-identical to the single run, because
/// trial t always draws from Rng(seed, t) (docs/determinism.md). Parts of different requests or versions are
/// refused. The file format (JSON) and the cluster recipes are in docs/cluster.md.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collapse/sweep/plan.hpp"

namespace collapse {

/// Shard `index` of `count` (0 ≤ index < count).
struct ShardSpec {
  int index = 0;
  int count = 1;
};

/// "i/k" with integers 0 ≤ i < k; throws ValidationError naming `shard`.
ShardSpec parseShard(const std::string& text);

/// The trial range [begin, end) of a shard: [⌊i·R/k⌋, ⌊(i+1)·R/k⌋); k may exceed R (some shards are empty).
struct TrialRange {
  int begin = 0;
  int end = 0;
};
TrialRange shardTrials(int trials, const ShardSpec& shard);

/// What one shard writes: the request (so that merge can re-plan it), a digest of the resolved plan (so parts
/// of different requests are never mixed, however their flags were spelt), and the values of its trials.
struct PartialResult {
  nlohmann::json request;  ///< {experiment, config, x, series, preset} as given
  std::string planDigest;  ///< SHA-256 of the resolved plan: experiment, version, every parameter, x grid, series
  std::string version;
  int trials = 0;
  ShardSpec shard;
  TrialRange range;
  std::size_t valuesPerTrial = 0;
  std::vector<double> values;  ///< trial-major, as simulateTrials
};

/// The digest of a plan (what makes two shards parts of the same run).
std::string planDigest(const Plan& plan);

/// The request as JSON {experiment, config, x, series, preset} (empty strings left out).
nlohmann::json requestJson(const Request& request);

/// Simulates the shard's trials of the plan.
PartialResult simulateShard(const Request& request, const Plan& plan, const ShardSpec& shard);

/// A partial result from values computed elsewhere (the page's worker pool): trials [begin, end) of the plan,
/// recorded as shard 0/1 when they are all trials. Throws ValidationError when the values do not fit the range.
PartialResult partialFromValues(const Request& request, const Plan& plan, int begin, int end, std::vector<double> values);

/// {"format": "collapse-lab partial result", "formatVersion": 1, "version", "request", "planDigest", "trials",
///  "shard": {"index", "count", "begin", "end"}, "valuesPerTrial", "values": [...]}; non-finite values are the
/// strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers), finite ones round-trip exactly.
nlohmann::json partialResultJson(const PartialResult& part);

/// Reads a partial result; `source` (a file name) is quoted in every error. Throws ValidationError.
PartialResult partialResultFromJson(const nlohmann::json& json, const std::string& source);

/// The request and all values of a complete set of parts, in trial order. Refuses (ValidationError) parts of
/// another version or request, overlapping or missing trial ranges, and values that do not fit their range.
struct MergedRun {
  Request request;
  std::vector<double> values;
};
MergedRun mergePartialResults(const std::vector<PartialResult>& parts, const std::vector<std::string>& sources);

}  // namespace collapse
