#pragma once
// The arguments of `collapse-lab run`, parsed into a Request and output options. One rule with the JS API and the
// URL hash: values are the catalogue's (the core parses and checks them); the CLI adds only its own habits:
// --key value and --key=value, a flag given twice is an error, unknown flags get a "did you mean".
#include <optional>
#include <string>
#include <vector>

#include "collapse/result/partial_result.hpp"
#include "collapse/sweep/plan.hpp"

namespace cli {

struct RunArguments {
  collapse::Request request;
  std::string format = "json";  ///< json | csv | csv-all (every metric, a leading metric column) | csv-report (csv with the median, manifest,
                                ///< references and markers as # comment lines)
  bool help = false;            ///< run <experiment> --help
  std::optional<collapse::ShardSpec> shard;  ///< --shard i/k: write a partial result of trials [i·R/k, (i+1)·R/k) (shard_commands.hpp)
  std::string textFile;         ///< --text-file PATH: the reader's own text for language-model --corpus pasted
};

/// Throws collapse::ValidationError naming every problem (the CLI exits 2).
RunArguments parseRunArguments(const std::vector<std::string>& args);

/// Reads --text-file and hands it to the core as the pasted text (docs/theory/language-model.md §7). Throws
/// collapse::ValidationError (parameter "text-file") when it cannot be read or is too large.
void provideTextFile(const std::string& path);

/// The request saved in a file: a request, a Result (CLI output or the page's Export JSON) or a manifest.
collapse::Request requestFromFile(const std::string& path);

}  // namespace cli
