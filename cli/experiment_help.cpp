#include "experiment_help.hpp"

#include <iomanip>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/version.hpp"
#include "shard_commands.hpp"

namespace cli {

void printUsage(std::ostream& out) {
  out << "collapse-lab " << collapse::kVersion << " — Monte Carlo and theory of model collapse\n\n"
      << "usage:\n"
      << "  collapse-lab list                         the catalogue as JSON (experiments, parameters, ranges)\n"
      << "  collapse-lab run <experiment> [options]   a Result as JSON (default) or CSV on stdout\n"
      << "  collapse-lab run <experiment> --help      that experiment's parameters and presets\n\n"
      << "options of run (--key value or --key=value, each at most once):\n"
      << "  --<key> <value>        set a parameter (see run <experiment> --help), e.g. --dim 10 --samples 100\n"
      << "  --x <key>=<grid>       sweep a numeric parameter on the x axis; grid: a,b,c | start:stop:lin:count |\n"
      << "                         start:stop:log:count (each point reports the last generation)\n"
      << "  --series <key>=<v,..>  one series per value (default: the experiment's natural series)\n"
      << "  --preset <key>         start from a preset that reproduces a paper's figure; flags override it\n"
      << "  --format json|csv|csv-all  output format (default json); csv is the primary metric (--metric),\n"
      << "                         csv-all every metric of the run with a leading metric column\n"
      << "  --format csv-report    csv with the median, the manifest, reference lines and marked points as # lines\n"
      << "  --config <file>        a saved request or Result (CLI JSON output, the page's Export JSON): reruns it\n"
      << "                         bit for bit; flags beside it override its settings\n"
      << "  --text-file <file>     language-model --corpus pasted: your own plain text (UTF-8) to train on\n"
      << collapse::cli::shardUsage() << "\n"
      << "Bad input: every problem on stderr, exit code 2. Runs longer than a second show progress on a terminal.\n\n"
      << "example:\n"
      << "  collapse-lab run recursive-regression --dim 10 --samples 100 --generations 10 --design fixed --trials 2000\n";
}

bool printExperimentHelp(std::ostream& out, const std::string& key) {
  const auto* experiment = collapse::findExperiment(key);
  if (!experiment) return false;
  const auto& info = experiment->info();
  out << info.key << " — " << info.title << "\n" << info.source << "\n\n" << info.summary << "\n\nparameters:\n";
  for (const auto& parameter : info.parameters) {
    out << "  --" << std::left << std::setw(20) << parameter.key << parameter.name();
    if (!parameter.unit.empty()) out << " [" << parameter.unit << "]";
    out << "\n      default " << collapse::formatValue(parameter.defaultValue()) << "; " << parameter.allowedText() << "\n      "
        << parameter.description << "\n";
  }
  if (!info.presets.empty()) {
    out << "\npresets (--preset <key>):\n";
    for (const auto& preset : info.presets)
      out << "  " << std::left << std::setw(22) << preset.key << preset.title << " — " << preset.citation << "\n";
  }
  return true;
}

}  // namespace cli
