// Embind bindings: the only file that includes <emscripten/bind.h>. It exposes the core's request → plan →
// trials → Result path to JavaScript. Requests and Results cross the boundary as JSON text (one schema, the
// Result contract of docs/design.md §5.2); per-trial values cross as a Float64Array copy, never a view of the heap (a
// view dies when memory grows, and posting it to a worker would clone the whole heap).
// Every C++ exception is caught here and returned as a value {error, issues: [{parameter, value, message}]}; the JS
// wrapper (web/js/engine/collapse-engine.js) throws it as an Error. Plans are cached per request text.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/dataset_store.hpp"
#include "collapse/result/csv_report.hpp"
#include "collapse/result/partial_result.hpp"
#include "collapse/result/result.hpp"
#include "collapse/simd/kernel_timing.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/version.hpp"

using emscripten::val;

namespace {

#ifdef COLLAPSE_FLAVOUR_SIMD
constexpr const char* kFlavour = "simd";
#else
constexpr const char* kFlavour = "scalar";
#endif

nlohmann::json issuesJson(const std::vector<collapse::Issue>& issues) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& issue : issues)
    list.push_back({{"parameter", issue.parameter}, {"value", issue.value}, {"message", issue.message}});
  return list;
}

// Errors cross the boundary as values, never as a JS exception thrown from inside a C++ catch block: throwing
// there would skip the C++ unwinding (the exception object, the stack and emval handles would leak, and after
// ~160 000 rejected calls the module would fail for good). Each entry point catches, builds a plain
// {"error": message, "issues": [...]} value and returns normally; the JS wrapper (web/js/engine/collapse-engine.js)
// turns it into a thrown Error.
struct Failure {
  std::string message;
  nlohmann::json issues = nlohmann::json::array();
};

std::string failureJson(const Failure& failure) {
  return nlohmann::json({{"error", failure.message}, {"issues", failure.issues}}).dump();
}

val failureValue(const Failure& failure) {
  val out = val::object();
  out.set("error", failure.message);
  out.set("issues", val::global("JSON").call<val>("parse", failure.issues.dump()));
  return out;
}

/// Runs `body`; on any C++ exception fills `failure` (after the exception is destroyed) and returns false.
template <typename Body>
bool attempt(Body&& body, Failure& failure) {
  try {
    body();
    return true;
  } catch (const collapse::ValidationError& error) {
    failure = {error.what(), issuesJson(error.issues())};
  } catch (const std::bad_alloc&) {
    failure = {"collapse-lab: out of memory for this run; reduce trials, series or grid points."};
  } catch (const std::exception& error) {
    failure = {std::string("collapse-lab internal error: ") + error.what()};
  }
  return false;
}

/// Plans are made once per request text and kept for the next calls of the same run (validate, describe, each
/// chunk, assemble, CSV, pictures): a few recent requests, least recently used first out.
std::shared_ptr<const collapse::Plan> planFrom(const std::string& requestJson) {
  static std::list<std::pair<std::string, std::shared_ptr<const collapse::Plan>>> recent;
  constexpr std::size_t kKept = 8;
  for (auto it = recent.begin(); it != recent.end(); ++it)
    if (it->first == requestJson) {
      recent.splice(recent.begin(), recent, it);
      return recent.front().second;
    }
  auto plan = std::make_shared<const collapse::Plan>(collapse::makePlan(collapse::Request::fromText(requestJson)));
  recent.emplace_front(requestJson, plan);
  if (recent.size() > kKept) recent.pop_back();
  return plan;
}

/// A trial index from JS: an integer in [0, limit], else a ValidationError (NaN, fractions and 2³² + 2 included).
int trialIndex(const char* name, double value, int limit) {
  if (!(value >= 0 && value <= limit) || value != static_cast<double>(static_cast<long long>(value)))
    throw collapse::ValidationError({{"trials", collapse::formatNumber(value),
                                      std::string(name) + " = " + collapse::formatNumber(value) +
                                          ": a trial index must be an integer from 0 to " + std::to_string(limit) + "."}});
  return static_cast<int>(value);
}

/// Per-trial values from JS, checked for their count before anything is copied.
std::vector<double> trialValuesFrom(const collapse::Plan& plan, const val& values) {
  const std::size_t expected = plan.valuesPerTrial() * static_cast<std::size_t>(plan.trials);
  const val length = values.isNull() || values.isUndefined() ? val::undefined() : values["length"];
  if (!length.isNumber() || length.as<double>() != static_cast<double>(expected))
    throw collapse::ValidationError({{"values", length.isNumber() ? collapse::formatNumber(length.as<double>()) : "none",
                                      "expected " + std::to_string(expected) +
                                          " trial values (trials × series × metrics × x points) as a Float64Array or array."}});
  std::vector<double> copy(expected);
  if (values.instanceof(val::global("Float64Array"))) {
    val(emscripten::typed_memory_view(expected, copy.data())).call<void>("set", values);
  } else {
    copy = emscripten::convertJSArrayToNumberVector<double>(values);
    if (copy.size() != expected) throw collapse::ValidationError({{"values", "", "the trial values changed size."}});
  }
  return copy;
}

val copyOf(const std::vector<double>& values) {
  return val::global("Float64Array").new_(val(emscripten::typed_memory_view(values.size(), values.data())));
}

std::string catalogue() { return collapse::catalogueJson().dump(); }
std::string version() { return collapse::kVersion; }
std::string flavour() { return kFlavour; }

/// {"issues": [...]} without throwing: what the page shows beside its controls.
std::string validate(const std::string& requestJson) {
  Failure failure;
  if (attempt([&] { planFrom(requestJson); }, failure)) return R"({"issues":[]})";
  if (failure.issues.empty()) failure.issues.push_back({{"parameter", "request"}, {"value", ""}, {"message", failure.message}});
  return nlohmann::json({{"issues", failure.issues}}).dump();
}

/// The shape of a run, so a worker pool can split its trials: {"trials": R, "valuesPerTrial": S·M·X}
/// (series × metrics × x points).
std::string describe(const std::string& requestJson) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        out = nlohmann::json({{"trials", plan->trials}, {"valuesPerTrial", plan->valuesPerTrial()}}).dump();
      }, failure))
    return out;
  return failureJson(failure);
}

/// Trials [begin, end) as a Float64Array, trial-major (see collapse::simulateTrials).
val simulate(const std::string& requestJson, double begin, double end) {
  std::vector<double> values;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        const int first = trialIndex("begin", begin, plan->trials), last = trialIndex("end", end, plan->trials);
        if (first > last)
          throw collapse::ValidationError({{"trials", std::to_string(first) + ".." + std::to_string(last),
                                            "trial range [" + std::to_string(first) + ", " + std::to_string(last) +
                                                ") is empty the wrong way round: begin must not exceed end."}});
        values = collapse::simulateTrials(*plan, first, last);
      }, failure))
    return copyOf(values);
  return failureValue(failure);
}

/// The Result JSON from every trial's values, concatenated in trial order.
std::string assemble(const std::string& requestJson, const val& trialValues) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        out = collapse::resultJson(collapse::assembleResult(*plan, trialValuesFrom(*plan, trialValues))).dump();
      }, failure))
    return out;
  return failureJson(failure);
}

/// The whole run in one call: the Result JSON.
std::string run(const std::string& requestJson) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        out = collapse::resultJson(collapse::runPlan(*plan)).dump();
      }, failure))
    return out;
  return failureJson(failure);
}

/// One trial's data for the pictures of a generative experiment: {dimension, real: Float64Array,
/// generations: [Float64Array]} (rows of `dimension` coordinates), for series `series` of the request.
val pointCloud(const std::string& requestJson, double seriesIndex, double trialNumber) {
  std::optional<collapse::PointCloud> cloud;
  Failure failure;
  if (!attempt([&] {
        const auto plan = planFrom(requestJson);
        constexpr int kAny = 1 << 30;  // a non-negative integer; the run's own bounds are checked below
        const int series = trialIndex("series", seriesIndex, kAny);
        const int trial = trialIndex("trial", trialNumber, kAny);
        if (series >= static_cast<int>(plan->pointConfigs.size()) || trial >= plan->trials)
          throw collapse::ValidationError({{"series", std::to_string(series),
                                            "series " + std::to_string(series) + " / trial " + std::to_string(trial) +
                                                " is outside the run (" + std::to_string(plan->pointConfigs.size()) +
                                                " series, " + std::to_string(plan->trials) + " trials)."}});
        collapse::Rng rng(plan->seed, static_cast<std::uint64_t>(trial));
        cloud = plan->experiment->pointCloud(plan->pointConfigs[series].front(), rng);
        if (!cloud)
          throw collapse::ValidationError({{"experiment", plan->experiment->info().key,
                                            plan->experiment->info().key + " has no point clouds (only generative experiments do)."}});
      }, failure))
    return failureValue(failure);
  {
    val out = val::object();
    out.set("dimension", cloud->dimension);
    out.set("real", copyOf(cloud->real));
    val generations = val::array();
    for (const auto& samples : cloud->generations) generations.call<void>("push", copyOf(samples));
    out.set("generations", generations);
    return out;
  }
}

/// A partial result (docs/cluster.md) of trials [begin, end) from their values: what the page exports as
/// "Trials", mergeable with `collapse-lab merge` (with CLI shards of the same request, or alone).
std::string partialResult(const std::string& requestJson, const val& trialValues, double begin, double end) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto request = collapse::Request::fromText(requestJson);
        const auto plan = planFrom(requestJson);
        const int first = trialIndex("begin", begin, plan->trials), last = trialIndex("end", end, plan->trials);
        if (first > last)
          throw collapse::ValidationError({{"trials", std::to_string(first) + ".." + std::to_string(last),
                                            "begin must not exceed end."}});
        // Only the trials [first, last) are passed: their count is checked like a whole run's.
        const std::size_t expected = plan->valuesPerTrial() * static_cast<std::size_t>(last - first);
        const val length = trialValues.isNull() || trialValues.isUndefined() ? val::undefined() : trialValues["length"];
        if (!length.isNumber() || length.as<double>() != static_cast<double>(expected))
          throw collapse::ValidationError({{"values", length.isNumber() ? collapse::formatNumber(length.as<double>()) : "none",
                                            "expected " + std::to_string(expected) + " trial values for trials [" +
                                                std::to_string(first) + ", " + std::to_string(last) + ")."}});
        auto values = emscripten::convertJSArrayToNumberVector<double>(trialValues);
        out = collapse::partialResultJson(collapse::partialFromValues(request, *plan, first, last, std::move(values))).dump();
      }, failure))
    return out;
  return failureJson(failure);
}

/// Best seconds of one kernel (collapse/simd/kernel_timing.hpp), for npm run bench; NaN for an unknown name.
double timeKernel(const std::string& name, int size, int repeats) {
  try {
    return collapse::simd::timeKernel(name, size, repeats);
  } catch (const std::exception&) {
    return __builtin_nan("");
  }
}

std::string resultCsv(const std::string& requestJson, const val& trialValues) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        out = collapse::resultCsv(collapse::assembleResult(*plan, trialValuesFrom(*plan, trialValues)));
      }, failure))
    return out;
  return failureJson(failure);
}

/// Hands the bytes of a real-data asset (a Uint8Array the page fetched from data/<name>.bin) to the core. The
/// bytes are copied into the module's memory in one typed-array set(), not element by element.
val provideDataset(const std::string& name, const val& bytes) {
  Failure failure;
  if (attempt([&] {
        const auto length = bytes["length"].as<std::size_t>();
        std::vector<std::uint8_t> copy(length);
        val(emscripten::typed_memory_view(length, copy.data())).call<void>("set", bytes);
        collapse::data::provide(name, std::move(copy));
      }, failure))
    return val::undefined();
  return failureValue(failure);
}

/// Every metric as long-format CSV with a leading `metric` column (the CLI's --format csv-all).
std::string resultCsvAll(const std::string& requestJson, const val& trialValues) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        out = collapse::resultCsvAllMetrics(collapse::assembleResult(*plan, trialValuesFrom(*plan, trialValues)));
      }, failure))
    return out;
  return failureJson(failure);
}

/// The report CSV (collapse/result/csv_report.hpp); extraCommentsJson: a JSON array of strings (link, flavour, …).
std::string resultCsvReport(const std::string& requestJson, const val& trialValues, const std::string& extraCommentsJson) {
  std::string out;
  Failure failure;
  if (attempt([&] {
        const auto plan = planFrom(requestJson);
        const auto extra = nlohmann::json::parse(extraCommentsJson, nullptr, false);
        std::vector<std::string> comments;
        if (extra.is_array())
          for (const auto& line : extra)
            if (line.is_string()) comments.push_back(line.get<std::string>());
        out = collapse::resultCsvReport(collapse::assembleResult(*plan, trialValuesFrom(*plan, trialValues)), comments);
      }, failure))
    return out;
  return failureJson(failure);
}

}  // namespace

EMSCRIPTEN_BINDINGS(collapse_lab) {
  emscripten::function("catalogue", &catalogue);
  emscripten::function("version", &version);
  emscripten::function("flavour", &flavour);
  emscripten::function("validate", &validate);
  emscripten::function("describe", &describe);
  emscripten::function("simulate", &simulate);
  emscripten::function("assemble", &assemble);
  emscripten::function("resultCsv", &resultCsv);
  emscripten::function("resultCsvAll", &resultCsvAll);
  emscripten::function("resultCsvReport", &resultCsvReport);
  emscripten::function("run", &run);
  emscripten::function("pointCloud", &pointCloud);
  emscripten::function("timeKernel", &timeKernel);
  emscripten::function("partialResult", &partialResult);
  emscripten::function("provideDataset", &provideDataset);
}
