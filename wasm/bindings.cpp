// Embind bindings: the only file that includes <emscripten/bind.h>. It exposes the core's request → plan →
// trials → Result path to JavaScript. Requests and Results cross the boundary as JSON text (one schema, the
// Result contract of DESIGN.md); per-trial values cross as a Float64Array copy, never a view of the heap (a
// view dies when memory grows, and posting it to a worker would clone the whole heap).
// Every C++ exception is caught here and rethrown as a JS Error whose `issues` lists {parameter, value, message}.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/dataset_store.hpp"
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

[[noreturn]] void throwJsError(const std::string& message, const nlohmann::json& issues) {
  val error = val::global("Error").new_(message);
  error.set("issues", val::global("JSON").call<val>("parse", issues.dump()));
  error.throw_();
  __builtin_unreachable();
}

collapse::Plan planFrom(const std::string& requestJson) {
  const auto json = nlohmann::json::parse(requestJson, nullptr, false);
  if (json.is_discarded())
    throw collapse::ValidationError({{"request", requestJson, "The request is not valid JSON."}});
  return collapse::makePlan(collapse::Request::fromJson(json));
}

/// Runs `body`, turning every C++ exception into a JS Error.
template <typename Body>
auto guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const collapse::ValidationError& error) {
    throwJsError(error.what(), issuesJson(error.issues()));
  } catch (const std::exception& error) {
    throwJsError(std::string("collapse-lab internal error: ") + error.what(), nlohmann::json::array());
  }
}

val copyOf(const std::vector<double>& values) {
  return val::global("Float64Array").new_(val(emscripten::typed_memory_view(values.size(), values.data())));
}

std::string catalogue() { return collapse::catalogueJson().dump(); }
std::string version() { return collapse::kVersion; }
std::string flavour() { return kFlavour; }

/// {"issues": [...]} without throwing: what the page shows beside its controls.
std::string validate(const std::string& requestJson) {
  try {
    planFrom(requestJson);
    return R"({"issues":[]})";
  } catch (const collapse::ValidationError& error) {
    return nlohmann::json({{"issues", issuesJson(error.issues())}}).dump();
  }
}

/// The shape of a run, so a worker pool can split its trials: {"trials": R, "valuesPerTrial": S·X}.
std::string describe(const std::string& requestJson) {
  return guarded([&] {
    const auto plan = planFrom(requestJson);
    return nlohmann::json({{"trials", plan.trials}, {"valuesPerTrial", plan.valuesPerTrial()}}).dump();
  });
}

/// Trials [begin, end) as a Float64Array, trial-major (see collapse::simulateTrials).
val simulate(const std::string& requestJson, int begin, int end) {
  return guarded([&] {
    const auto plan = planFrom(requestJson);
    if (begin < 0 || end > plan.trials || begin > end)
      throw collapse::ValidationError({{"trials", std::to_string(begin) + ".." + std::to_string(end),
                                        "trial range [" + std::to_string(begin) + ", " + std::to_string(end) +
                                            ") must lie within [0, " + std::to_string(plan.trials) + ")."}});
    const auto values = collapse::simulateTrials(plan, begin, end);
    return copyOf(values);
  });
}

/// The Result JSON from every trial's values, concatenated in trial order.
std::string assemble(const std::string& requestJson, const val& trialValues) {
  return guarded([&] {
    const auto plan = planFrom(requestJson);
    const auto values = emscripten::convertJSArrayToNumberVector<double>(trialValues);
    return collapse::resultJson(collapse::assembleResult(plan, values)).dump();
  });
}

/// The whole run in one call: the Result JSON.
std::string run(const std::string& requestJson) {
  return guarded([&] { return collapse::resultJson(collapse::runPlan(planFrom(requestJson))).dump(); });
}

/// One trial's data for the pictures of a generative experiment: {dimension, real: Float64Array,
/// generations: [Float64Array]} (rows of `dimension` coordinates), for series `series` of the request.
val pointCloud(const std::string& requestJson, int series, int trial) {
  return guarded([&] {
    const auto plan = planFrom(requestJson);
    if (series < 0 || series >= static_cast<int>(plan.pointConfigs.size()) || trial < 0 || trial >= plan.trials)
      throw collapse::ValidationError({{"series", std::to_string(series),
                                        "series " + std::to_string(series) + " / trial " + std::to_string(trial) +
                                            " is outside the run (" + std::to_string(plan.pointConfigs.size()) +
                                            " series, " + std::to_string(plan.trials) + " trials)."}});
    collapse::Rng rng(plan.seed, static_cast<std::uint64_t>(trial));
    const auto cloud = plan.experiment->pointCloud(plan.pointConfigs[series].front(), rng);
    if (!cloud)
      throw collapse::ValidationError({{"experiment", plan.experiment->info().key,
                                        plan.experiment->info().key + " has no point clouds (only generative experiments do)."}});
    val out = val::object();
    out.set("dimension", cloud->dimension);
    out.set("real", copyOf(cloud->real));
    val generations = val::array();
    for (const auto& samples : cloud->generations) generations.call<void>("push", copyOf(samples));
    out.set("generations", generations);
    return out;
  });
}

/// A partial result (docs/cluster.md) of trials [begin, end) from their values: what the page exports as
/// "Trials", mergeable with `collapse-lab merge` (with CLI shards of the same request, or alone).
std::string partialResult(const std::string& requestJson, const val& trialValues, int begin, int end) {
  return guarded([&] {
    const auto json = nlohmann::json::parse(requestJson, nullptr, false);
    if (json.is_discarded())
      throw collapse::ValidationError({{"request", requestJson, "The request is not valid JSON."}});
    const auto request = collapse::Request::fromJson(json);
    const auto plan = collapse::makePlan(request);
    auto values = emscripten::convertJSArrayToNumberVector<double>(trialValues);
    return collapse::partialResultJson(collapse::partialFromValues(request, plan, begin, end, std::move(values))).dump();
  });
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
  return guarded([&] {
    const auto plan = planFrom(requestJson);
    const auto values = emscripten::convertJSArrayToNumberVector<double>(trialValues);
    return collapse::resultCsv(collapse::assembleResult(plan, values));
  });
}

/// Hands the bytes of a real-data asset (a Uint8Array the page fetched from data/<name>.bin) to the core. The
/// bytes are copied into the module's memory in one typed-array set(), not element by element.
void provideDataset(const std::string& name, const val& bytes) {
  guarded([&] {
    const auto length = bytes["length"].as<std::size_t>();
    std::vector<std::uint8_t> copy(length);
    val(emscripten::typed_memory_view(length, copy.data())).call<void>("set", bytes);
    collapse::data::provide(name, std::move(copy));
  });
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
  emscripten::function("run", &run);
  emscripten::function("pointCloud", &pointCloud);
  emscripten::function("timeKernel", &timeKernel);
  emscripten::function("partialResult", &partialResult);
  emscripten::function("provideDataset", &provideDataset);
}
