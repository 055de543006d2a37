// Requests from untrusted text (CLI flags, --config files, the JS API, the URL hash): one number syntax, "did you
// mean", explicit lists taken as typed, bounded JSON, saved Results that rerun bit for bit, and no silent NaN.
// Each case is a reproducer of the audit in issue 9.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/suggestion.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"

using namespace collapse;

namespace {
/// The messages of the ValidationError that `body` throws (fails the test when it throws none).
template <typename Body>
std::string refusal(Body&& body) {
  try {
    body();
  } catch (const ValidationError& error) {
    return error.what();
  }
  FAIL("expected a ValidationError");
  return "";
}

Request request(const std::string& experiment, nlohmann::json config, std::string x = "", std::string series = "") {
  Request r;
  r.experiment = experiment;
  r.config = std::move(config);
  r.x = std::move(x);
  r.series = std::move(series);
  return r;
}
}  // namespace

TEST_CASE("One number syntax: decimal digits, optional point and exponent; nothing else", "[request]") {
  for (const char* text : {"10", "-0.5", ".5", "5.", "1e-3", "+1E+3", "0"}) CHECK(parseDecimal(text).has_value());
  CHECK(*parseDecimal("1e3") == 1000.0);
  for (const char* text : {"0x10", "inf", "Infinity", "nan", " 1", "1 ", "1e", ".", "", "1.2.3", "1e999", "--1", "1,5"})
    CHECK_FALSE(parseDecimal(text).has_value());
  const std::string message = refusal([] { makePlan(request("recursive-regression", {{"dim", "0x10"}})); });
  CHECK_THAT(message, Catch::Contains("dim = 0x10 is not a number: input dimension (d) must be an integer from 1 to"));
}

TEST_CASE("Unknown keys and choices get a case-insensitive \"did you mean\"", "[request]") {
  CHECK(closestMatch("dimm", {"dim", "samples"}) == std::optional<std::string>("dim"));
  CHECK(closestMatch("syntheticfraction", {"syntheticFraction", "samples"}) == std::optional<std::string>("syntheticFraction"));
  CHECK_FALSE(closestMatch("colour", {"dim", "samples"}).has_value());
  CHECK_THAT(refusal([] { makePlan(request("recursive-regression", {{"dimm", 5}})); }), Catch::Contains("Did you mean 'dim'?"));
  CHECK_THAT(refusal([] { makePlan(request("strong-collapse", {{"syntheticfraction", 0.1}})); }),
             Catch::Contains("Did you mean 'syntheticFraction'?"));
  const std::string choice = refusal([] { makePlan(request("recursive-regression", {{"workflow", "replce"}})); });
  CHECK_THAT(choice, Catch::Contains("Did you mean 'replace'?"));
  CHECK_THAT(choice, !Catch::Contains("()"));  // a parameter without a symbol is named by its label alone
  CHECK_THAT(refusal([] { makePlan(request("recursive-regresion", {})); }), Catch::Contains("Did you mean 'recursive-regression'?"));
}

TEST_CASE("Explicit lists are taken as typed; generated grids of integers are rounded", "[request]") {
  CHECK_THAT(refusal([] { makePlan(request("recursive-regression", {}, "dim=1.5,2.5")); }), Catch::Contains("is not an integer"));
  CHECK_THAT(refusal([] { makePlan(request("recursive-regression", {}, "", "workflow=replace,replace")); }),
             Catch::Contains("'replace' is listed twice"));
  CHECK_THAT(refusal([] { makePlan(request("recursive-regression", {}, "ridge=0.1,0.1")); }), Catch::Contains("listed twice"));
  const Plan plan = makePlan(request("recursive-regression", {{"dim", 5}}, "samples=10:1000:log:7"));
  for (double x : plan.xValues) CHECK(std::round(x) == x);
  CHECK_THAT(refusal([] { makePlan(request("recursive-regression", {}, "ridge=" + std::string(3000, '1'))); }),
             Catch::Contains("at most 2000 are allowed"));
}

TEST_CASE("Request JSON is bounded before it is parsed, and strict about its fields", "[request]") {
  const std::string deep = "{\"experiment\":\"recursive-regression\",\"config\":" + std::string(70000, '[') + std::string(70000, ']') + "}";
  CHECK_THAT(refusal([&] { Request::fromText(deep); }), Catch::Contains("nests deeper than 32 levels"));
  CHECK_THAT(refusal([] { Request::fromText("{\"experiment\": \"recursive-regression\", \"confg\": {}}"); }),
             Catch::Contains("'confg' is not a field of a request. Did you mean 'config'?"));
  CHECK_THAT(refusal([] { Request::fromText("{\"experiment\": \"recursive-regression\", \"config\": {\"dim\": [5]}}"); }),
             Catch::Contains("a parameter value must be a number or a text"));
  CHECK_THAT(refusal([] { Request::fromText("{\"experiment\": \"recursive-regression\", \"config\": {\"dim\": true}}"); }),
             Catch::Contains("not boolean"));
  CHECK_THAT(refusal([] { Request::fromText("{not json"); }), Catch::Contains("not valid JSON"));
  // Quoted strings may hold brackets: they do not count as nesting.
  CHECK(Request::fromText("{\"experiment\": \"recursive-regression\", \"x\": \"\", \"config\": {\"workflow\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"}}")
            .experiment == "recursive-regression");
}

TEST_CASE("A saved Result, page export or manifest reruns to the same Result, bit for bit", "[request]") {
  Request original = request("recursive-regression", {{"dim", 4}, {"samples", 20}, {"generations", 3}, {"trials", 30}},
                             "ridge=0.01:1:log:4");
  const Plan plan = makePlan(original);
  const nlohmann::json saved = resultJson(runPlan(plan));
  REQUIRE(saved.contains("request"));
  const Plan again = makePlan(Request::fromText(saved.dump()));
  CHECK(resultJson(runPlan(again)).dump() == saved.dump());
  // The page's Export JSON: the Result with a manifest beside it.
  nlohmann::json exported = saved;
  exported["manifest"] = {{"experiment", "recursive-regression"}, {"parameters", saved["config"]}};
  CHECK(resultJson(runPlan(makePlan(Request::fromText(exported.dump())))).dump() == saved.dump());
  // A bare manifest (older exports): parameters, x and series.
  const nlohmann::json manifest = {{"generator", "Collapse Lab"}, {"experiment", "recursive-regression"},
                                   {"parameters", saved["config"]}, {"x", saved["request"]["x"]},
                                   {"series", saved["request"]["series"]}};
  CHECK(resultJson(runPlan(makePlan(Request::fromText(manifest.dump())))).dump() == saved.dump());
  // A preset's natural series is written out, so the saved request needs neither the preset nor the defaults.
  const Plan natural = makePlan(request("recursive-regression", {{"dim", 3}, {"samples", 12}, {"trials", 5}}));
  const nlohmann::json naturalSaved = resultJson(runPlan(natural));
  CHECK(naturalSaved["request"]["series"] == "workflow=replace,accumulate,accumulate-subsample");
  CHECK(resultJson(runPlan(makePlan(Request::fromText(naturalSaved.dump())))).dump() == naturalSaved.dump());
}

TEST_CASE("A non-finite trial value is never silent: counted, left out, and named in the notes", "[request]") {
  const Plan plan = makePlan(request("recursive-regression", {{"dim", 3}, {"samples", 12}, {"generations", 2}, {"trials", 4}},
                                     "", "workflow=replace"));
  std::vector<double> values = simulateTrials(plan, 0, plan.trials);
  REQUIRE(values.size() == 8);
  values[1 * 2 + 1] = std::numeric_limits<double>::quiet_NaN();       // trial 1, generation 2
  values[3 * 2 + 1] = std::numeric_limits<double>::infinity();        // trial 3, generation 2
  const Result result = assembleResult(plan, values);
  const auto& series = result.series.front();
  CHECK(series.nonFinite == std::vector<std::size_t>{0, 2});
  CHECK(std::isfinite(series.mean[1]));
  CHECK(series.mean[1] == Approx((values[0 * 2 + 1] + values[2 * 2 + 1]) / 2));
  REQUIRE(result.notes.size() >= 1);
  CHECK_THAT(result.notes.back(), Catch::Contains("Non-finite values") && Catch::Contains("Replace") &&
                                      Catch::Contains("generation = 2: 2 of 4 trials"));
  CHECK(resultJson(result)["series"][0]["simulation"]["nonFinite"] == nlohmann::json::array({0, 2}));
}
