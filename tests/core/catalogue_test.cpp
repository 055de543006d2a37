#include <catch2/catch.hpp>
#include <set>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/sweep/plan.hpp"

using namespace collapse;

TEST_CASE("catalogue: every parameter is declared once, with a valid default and a description") {
  for (const auto* experiment : allExperiments()) {
    const auto& info = experiment->info();
    INFO("experiment " << info.key);
    std::set<std::string> keys;
    for (const auto& parameter : info.parameters) {
      INFO("parameter " << parameter.key);
      CHECK(keys.insert(parameter.key).second);
      CHECK_FALSE(parameter.label.empty());
      CHECK_FALSE(parameter.description.empty());
      CHECK_FALSE(checkValue(parameter, parameter.defaultValue()).has_value());
      if (!parameter.isNumeric()) CHECK(parameter.choiceLabels.size() == parameter.choices.size());
    }
    CHECK(info.parameters.at(0).key == "seed");
    CHECK(info.parameters.at(1).key == "trials");
    if (!info.naturalSeries.empty()) {
      REQUIRE(experiment->findParameter(info.naturalSeries) != nullptr);
      CHECK_FALSE(experiment->findParameter(info.naturalSeries)->isNumeric());
    }
  }
}

TEST_CASE("catalogue JSON carries keys, symbols, types, defaults and ranges") {
  const auto json = catalogueJson();
  REQUIRE(json["experiments"].size() == allExperiments().size());
  const auto& rr = json["experiments"][0];
  CHECK(rr["key"] == "recursive-regression");
  bool sawDim = false;
  for (const auto& p : rr["parameters"]) {
    if (p["key"] != "dim") continue;
    sawDim = true;
    CHECK(p["symbol"] == "d");
    CHECK(p["type"] == "integer");
    CHECK(p["default"].is_number_integer());
    CHECK(p["min"] == 1);
    CHECK(p["max"] == 2000);
  }
  CHECK(sawDim);
}

TEST_CASE("parseValue and checkValue name the parameter, its value and the allowed range") {
  const auto* experiment = findExperiment("recursive-regression");
  REQUIRE(experiment);
  const Parameter& noise = *experiment->findParameter("noise");
  auto parsed = parseValue(noise, "-1");
  REQUIRE(std::holds_alternative<Issue>(parsed));
  const auto& issue = std::get<Issue>(parsed);
  CHECK(issue.parameter == "noise");
  CHECK(issue.value == "-1");
  CHECK_THAT(issue.message, Catch::Contains("noise = -1") && Catch::Contains("from 0 to 1000"));

  CHECK(std::holds_alternative<Issue>(parseValue(noise, "1.5x")));
  CHECK(std::holds_alternative<Issue>(parseValue(noise, "")));
  CHECK(std::holds_alternative<Issue>(parseValue(noise, "inf")));
  CHECK(std::get<double>(std::get<Value>(parseValue(noise, "0.25"))) == 0.25);

  const Parameter& dim = *experiment->findParameter("dim");
  CHECK_THAT(std::get<Issue>(parseValue(dim, "2.5")).message, Catch::Contains("not an integer"));
  const Parameter& workflow = *experiment->findParameter("workflow");
  CHECK_THAT(std::get<Issue>(parseValue(workflow, "recycle")).message,
             Catch::Contains("workflow = recycle") && Catch::Contains("replace, accumulate, accumulate-subsample"));
}

TEST_CASE("formatNumber gives the shortest text that reads back exactly") {
  CHECK(formatNumber(10) == "10");
  CHECK(formatNumber(0.1) == "0.1");
  CHECK(formatNumber(1e-7) == "1e-07");
  CHECK(std::strtod(formatNumber(1.0 / 3.0).c_str(), nullptr) == 1.0 / 3.0);
}

TEST_CASE("presets: every preset of every experiment is a valid request, and flags override it") {
  for (const auto* experiment : allExperiments()) {
    REQUIRE_FALSE(experiment->info().presets.empty());
    for (const auto& preset : experiment->info().presets) {
      INFO(experiment->info().key << " preset " << preset.key);
      CHECK_FALSE(preset.claim.empty());
      CHECK_FALSE(preset.citation.empty());
      CHECK(preset.url.rfind("https://", 0) == 0);
      Request request;
      request.experiment = experiment->info().key;
      request.preset = preset.key;
      request.config = {{"trials", 2}};
      const Plan plan = makePlan(request);  // throws on any invalid value
      CHECK(plan.trials == 2);              // the request's own value wins over the preset's
      for (const auto& [key, value] : preset.config)
        if (key != "trials") CHECK(formatValue(plan.config.get(key)) == formatValue(value));
    }
  }
  Request unknown;
  unknown.experiment = "synthetic-chain";
  unknown.preset = "fig-99";
  CHECK_THROWS_WITH(makePlan(unknown), Catch::Contains("preset = fig-99") && Catch::Contains("ridge-u-shapes"));
}
