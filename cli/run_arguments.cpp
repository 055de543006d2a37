#include "run_arguments.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <sys/stat.h>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/suggestion.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/dataset_store.hpp"
#include "collapse/lm/text_corpus.hpp"

namespace cli {

namespace {

const std::vector<std::string> kOptions = {"format", "x", "series", "preset", "config", "shard", "text-file", "help"};

[[noreturn]] void fail(const std::string& parameter, const std::string& value, const std::string& message) {
  throw collapse::ValidationError({{parameter, collapse::shortened(value), message}});
}

/// Every flag name the experiment understands: its parameters and the CLI's own options.
std::vector<std::string> knownFlags(const std::string& experiment) {
  std::vector<std::string> flags = kOptions;
  if (const auto* found = collapse::findExperiment(experiment))
    for (const auto& parameter : found->info().parameters) flags.push_back(parameter.key);
  return flags;
}

}  // namespace

collapse::Request requestFromFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) fail("config", path, "config = " + path + ": no such file.");
  if (!S_ISREG(info.st_mode)) fail("config", path, "config = " + path + ": not a regular file (a directory?); give a JSON file.");
  if (static_cast<std::size_t>(info.st_size) > collapse::kMaxRequestBytes)
    fail("config", path, "config = " + path + ": " + std::to_string(info.st_size) + " bytes; at most " +
                             std::to_string(collapse::kMaxRequestBytes) + " are read.");
  std::ifstream file(path, std::ios::binary);
  if (!file) fail("config", path, "config = " + path + ": cannot read that file.");
  std::ostringstream text;
  text << file.rdbuf();
  try {
    return collapse::Request::fromText(text.str());
  } catch (const collapse::ValidationError& error) {
    std::vector<collapse::Issue> issues = error.issues();
    for (auto& issue : issues) issue.message = "config = " + path + ": " + issue.message;
    throw collapse::ValidationError(issues);
  }
}

void provideTextFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) fail("text-file", path, "text-file = " + path + ": no such file.");
  if (!S_ISREG(info.st_mode)) fail("text-file", path, "text-file = " + path + ": not a regular file; give a plain text file.");
  if (static_cast<std::size_t>(info.st_size) > collapse::lm::kMaxPastedBytes)
    fail("text-file", path, "text-file = " + path + ": " + std::to_string(info.st_size) + " bytes; at most " +
                                std::to_string(collapse::lm::kMaxPastedBytes) + " are read.");
  std::ifstream file(path, std::ios::binary);
  if (!file) fail("text-file", path, "text-file = " + path + ": cannot read that file.");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  collapse::data::provide(collapse::lm::kPastedTextDataset, std::move(bytes));
}

RunArguments parseRunArguments(const std::vector<std::string>& args) {
  RunArguments out;
  std::size_t i = 0;
  if (i < args.size() && args[i].rfind("-", 0) != 0) out.request.experiment = args[i++];
  std::set<std::string> seen;
  std::vector<std::pair<std::string, std::string>> flags;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 || arg.size() == 2)
      fail("argument", arg, "unexpected argument '" + collapse::shortened(arg) + "'; options look like --key value or --key=value.");
    std::string key = arg.substr(2), value;
    const auto eq = key.find('=');
    if (eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else {
      if (i + 1 >= args.size()) fail(key, "", "option --" + key + " needs a value.");
      value = args[++i];
    }
    if (!seen.insert(key).second) fail(key, value, "--" + key + " is given twice; give each option once.");
    flags.emplace_back(key, value);
  }
  if (out.help) return out;

  // A --config file is read first: flags given beside it override its settings.
  for (const auto& [key, value] : flags)
    if (key == "config") {
      const auto saved = requestFromFile(value);
      if (!out.request.experiment.empty() && out.request.experiment != saved.experiment)
        fail("config", value, "config = " + value + " is a request for " + saved.experiment + ", not " + out.request.experiment + ".");
      out.request = saved;
    }
  const std::vector<std::string> known = knownFlags(out.request.experiment);
  for (const auto& [key, value] : flags) {
    if (key == "config") continue;
    if (key == "format") {
      if (value != "json" && value != "csv" && value != "csv-all" && value != "csv-report")
        fail("format", value, "format = " + collapse::shortened(value) + ": must be json, csv, csv-all or csv-report.");
      out.format = value;
    } else if (key == "shard") {
      out.shard = collapse::parseShard(value);  // parsed here, so an empty --shard "" is refused, not ignored
    } else if (key == "text-file") {
      out.textFile = value;
    } else if (key == "x") {
      out.request.x = value;
    } else if (key == "series") {
      out.request.series = value;
    } else if (key == "preset") {
      out.request.preset = value;
    } else if (const auto option = collapse::closestMatch(key, known);
               std::find(known.begin(), known.end(), key) == known.end() && option &&
               std::find(kOptions.begin(), kOptions.end(), *option) != kOptions.end()) {
      // A mistyped option of the CLI itself (--formt); mistyped parameters are the catalogue's to name.
      fail(key, value, "'" + collapse::shortened(key) + "' is not a parameter of " + out.request.experiment +
                           ". Did you mean '--" + *option + "'? See collapse-lab run " + out.request.experiment + " --help.");
    } else {
      out.request.config[key] = value;  // parsed and range-checked by the catalogue
    }
  }
  if (out.request.experiment.empty())
    fail("experiment", "", "run needs an experiment, e.g. collapse-lab run recursive-regression (collapse-lab list shows all).");
  if (!out.textFile.empty() && !(out.request.config.contains("corpus") && out.request.config["corpus"] == "pasted"))
    fail("text-file", out.textFile, "--text-file is the text of language-model --corpus pasted; give --corpus pasted with it.");
  return out;
}

}  // namespace cli
