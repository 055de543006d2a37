// collapse-lab: the native command-line tool (contract in docs/design.md §5.1).
//   collapse-lab list
//   collapse-lab run <experiment> [--<key> <value> | --<key>=<value>]... [--x <key>=<grid>] [--series <key>=<v1,...>]
//                    [--preset <key>] [--format json|csv|csv-all|csv-report] [--config <file>] [--shard i/k] [--text-file <file>] [--help]
//   collapse-lab merge PART...                      (partial results of --shard runs → the Result, bit for bit)
// Bad input: every problem on stderr, exit code 2.
#include <iostream>
#include <string>
#include <vector>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/suggestion.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/csv_report.hpp"
#include "collapse/result/result.hpp"
#include "collapse/version.hpp"
#include "experiment_help.hpp"
#include "progress_line.hpp"
#include "run_arguments.hpp"
#include "shard_commands.hpp"

namespace {

constexpr int kBadInput = 2;

int badInput(const std::string& message) {
  std::cerr << "collapse-lab: " << message << "\n(run collapse-lab --help for usage)\n";
  return kBadInput;
}

int run(const std::vector<std::string>& args) {
  const cli::RunArguments arguments = cli::parseRunArguments(args);
  if (arguments.help) {
    if (arguments.request.experiment.empty()) {
      cli::printUsage(std::cout);
      return 0;
    }
    if (cli::printExperimentHelp(std::cout, arguments.request.experiment)) return 0;
  }
  if (!arguments.textFile.empty()) cli::provideTextFile(arguments.textFile);
  if (arguments.shard) return collapse::cli::runShard(arguments.request, *arguments.shard, std::cout);
  const collapse::Plan plan = collapse::makePlan(arguments.request);
  const collapse::Result result = collapse::assembleResult(plan, cli::simulateWithProgress(plan));
  // Notes that report a numerical breakdown go to stderr too, so a CSV reader cannot miss them.
  for (const auto& note : result.notes)
    if (note.rfind("Non-finite values", 0) == 0) std::cerr << "collapse-lab: note: " << note << '\n';
  if (arguments.format == "csv") std::cout << collapse::resultCsv(result);
  else if (arguments.format == "csv-all") std::cout << collapse::resultCsvAllMetrics(result);
  else if (arguments.format == "csv-report") std::cout << collapse::resultCsvReport(result);
  else std::cout << collapse::resultJson(result).dump(2) << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      cli::printUsage(args.empty() ? std::cerr : std::cout);
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
    return badInput("unknown command '" + collapse::shortened(args[0]) + "'; use list, run or merge." +
                    collapse::didYouMean(args[0], {"list", "run", "merge"}));
  } catch (const collapse::ValidationError& error) {
    return badInput(error.what());
  } catch (const std::bad_alloc&) {
    std::cerr << "collapse-lab: out of memory for this run; reduce trials, series or grid points.\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "collapse-lab: internal error: " << error.what() << '\n';
    return 1;
  }
}
