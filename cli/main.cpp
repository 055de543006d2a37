// collapse-lab: the native command-line tool (contract in DESIGN.md).
//   collapse-lab list
//   collapse-lab run <experiment> [--<key> <value>]... [--x <key>=<grid>] [--series <key>=<v1,...>]
//                    [--format json|csv] [--config <request.json>]
// Bad input: every problem on stderr, exit code 2.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/version.hpp"
#include "shard_commands.hpp"

namespace {

constexpr int kBadInput = 2;

void printUsage(std::ostream& out) {
  out << "collapse-lab " << collapse::kVersion << " — Monte Carlo and theory of model collapse\n\n"
      << "usage:\n"
      << "  collapse-lab list                         the catalogue as JSON (experiments, parameters, ranges)\n"
      << "  collapse-lab run <experiment> [options]   a Result as JSON (default) or CSV on stdout\n\n"
      << "options of run:\n"
      << "  --<key> <value>        set a parameter (see list), e.g. --dim 10 --samples 100\n"
      << "  --x <key>=<grid>       sweep a numeric parameter on the x axis; grid: a,b,c | start:stop:lin:count |\n"
      << "                         start:stop:log:count (each point reports the last generation)\n"
      << "  --series <key>=<v,..>  one series per value (default: the experiment's natural series)\n"
      << "  --preset <key>         start from a preset that reproduces a paper's figure (see list); flags override it\n"
      << "  --format json|csv      output format (default json)\n"
      << "  --config <file>        read a request {experiment, config, x, series} from a JSON file\n"
      << collapse::cli::shardUsage() << "\n"
      << "example:\n"
      << "  collapse-lab run recursive-regression --dim 10 --samples 100 --generations 10 --design fixed --trials 2000\n";
}

int badInput(const std::string& message) {
  std::cerr << "collapse-lab: " << message << "\n(run collapse-lab --help for usage)\n";
  return kBadInput;
}

int run(const std::vector<std::string>& args) {
  collapse::Request request;
  std::string format = "json", shard;
  std::size_t i = 0;
  if (i < args.size() && args[i].rfind("--", 0) != 0) request.experiment = args[i++];
  for (; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag.rfind("--", 0) != 0) return badInput("unexpected argument '" + flag + "'; options look like --key value.");
    if (i + 1 >= args.size()) return badInput("option " + flag + " needs a value.");
    const std::string key = flag.substr(2), value = args[++i];
    if (key == "format") {
      if (value != "json" && value != "csv") return badInput("format = " + value + ": must be json or csv.");
      format = value;
    } else if (key == "shard") {
      shard = value;
    } else if (key == "x") {
      request.x = value;
    } else if (key == "series") {
      request.series = value;
    } else if (key == "preset") {
      request.preset = value;
    } else if (key == "config") {
      std::ifstream file(value);
      if (!file) return badInput("config = " + value + ": cannot read that file.");
      const auto json = nlohmann::json::parse(file, nullptr, false);
      if (json.is_discarded()) return badInput("config = " + value + ": not valid JSON.");
      const auto fromFile = collapse::Request::fromJson(json);
      if (request.experiment.empty()) request.experiment = fromFile.experiment;
      for (const auto& [k, v] : fromFile.config.items())
        if (!request.config.contains(k)) request.config[k] = v;
      if (request.x.empty()) request.x = fromFile.x;
      if (request.series.empty()) request.series = fromFile.series;
      if (request.preset.empty()) request.preset = fromFile.preset;
    } else {
      request.config[key] = value;  // parsed and range-checked by the catalogue
    }
  }
  if (request.experiment.empty()) return badInput("run needs an experiment, e.g. collapse-lab run recursive-regression.");
  if (!shard.empty()) return collapse::cli::runShard(request, shard, std::cout);
  const collapse::Plan plan = collapse::makePlan(request);
  const collapse::Result result = collapse::runPlan(plan);
  if (format == "csv") std::cout << collapse::resultCsv(result);
  else std::cout << collapse::resultJson(result).dump(2) << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      printUsage(args.empty() ? std::cerr : std::cout);
      return args.empty() ? kBadInput : 0;
    }
    if (args[0] == "--version") {
      std::cout << collapse::kVersion << '\n';
      return 0;
    }
    if (args[0] == "list") {
      std::cout << collapse::catalogueJson().dump(2) << '\n';
      return 0;
    }
    if (args[0] == "run") return run({args.begin() + 1, args.end()});
    if (args[0] == "merge") return collapse::cli::merge({args.begin() + 1, args.end()}, std::cout);
    return badInput("unknown command '" + args[0] + "'; use list, run or merge.");
  } catch (const collapse::ValidationError& error) {
    return badInput(error.what());
  } catch (const std::exception& error) {
    std::cerr << "collapse-lab: internal error: " << error.what() << '\n';
    return 1;
  }
}
