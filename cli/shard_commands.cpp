#include "shard_commands.hpp"

#include <fstream>
#include <ostream>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/partial_result.hpp"
#include "collapse/result/result.hpp"

namespace collapse::cli {

int runShard(const Request& request, const ShardSpec& shard, std::ostream& out) {
  const Plan plan = makePlan(request);
  out << partialResultJson(simulateShard(request, plan, shard)).dump() << '\n';
  return 0;
}

int merge(const std::vector<std::string>& args, std::ostream& out) {
  std::string format = "json";
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" || args[i].rfind("--format=", 0) == 0) {
      const bool inline_ = args[i].size() > 8;
      if (!inline_ && i + 1 >= args.size()) throw ValidationError({{"format", "", "option --format needs a value: json or csv."}});
      format = inline_ ? args[i].substr(9) : args[++i];
      if (format != "json" && format != "csv") throw ValidationError({{"format", format, "format = " + format + ": must be json or csv."}});
    } else if (args[i].rfind("--", 0) == 0) {
      throw ValidationError({{"merge", args[i], "merge takes partial-result files and --format json|csv; unknown option " + args[i] + "."}});
    } else {
      files.push_back(args[i]);
    }
  }
  std::vector<PartialResult> parts;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) throw ValidationError({{"part", file, file + ": cannot read that file."}});
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded()) throw ValidationError({{"part", file, file + ": not valid JSON."}});
    parts.push_back(partialResultFromJson(json, file));
  }
  const MergedRun merged = mergePartialResults(parts, files);
  const Plan plan = makePlan(merged.request);
  const Result result = assembleResult(plan, merged.values);
  if (format == "csv") out << resultCsv(result);
  else out << resultJson(result).dump(2) << '\n';
  return 0;
}

const char* shardUsage() {
  return "  --shard i/k            simulate only trials [i·R/k, (i+1)·R/k) and print a partial result (per-trial values)\n"
         "  collapse-lab merge PART... [--format json|csv]   the Result of all shards, bit-identical to one run\n";
}

}  // namespace collapse::cli
