#pragma once
// The cluster commands of collapse-lab (docs/cluster.md), kept out of main.cpp:
//   collapse-lab run <experiment> [options] --shard i/k     a partial result (JSON) with the per-trial values
//   collapse-lab merge PART... [--format json|csv]          the Result of the whole run, bit-identical
#include <iosfwd>
#include <string>
#include <vector>

#include "collapse/result/partial_result.hpp"
#include "collapse/sweep/plan.hpp"

namespace collapse::cli {

/// Simulates shard `shard` of the request and prints its partial result. Throws ValidationError.
int runShard(const Request& request, const ShardSpec& shard, std::ostream& out);

/// `merge` with its arguments (part files, --format). Throws ValidationError on bad input.
int merge(const std::vector<std::string>& args, std::ostream& out);

/// The usage lines of both, for --help.
const char* shardUsage();

}  // namespace collapse::cli
