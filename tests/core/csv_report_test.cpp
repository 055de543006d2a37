// The report CSV (csv_report.hpp): the manifest, references and markers as # lines, then the long table with the
// median; every data row parses back to the Result's numbers.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "collapse/result/csv_report.hpp"
#include "experiment_run.hpp"

using namespace collapse;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool hasLineStarting(const std::vector<std::string>& all, const std::string& prefix) {
  for (const auto& line : all)
    if (line.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("csv report: manifest, names, references, markers and notes as # lines; the median column", "[csv-report]") {
  const auto run = testing::runExperiment("recursive-regression", {{"dim", 5}, {"samples", 40}, {"generations", 3}, {"trials", 20}});
  const auto all = lines(resultCsvReport(run.result, {"link: https://example.org/#v=1"}));
  CHECK(all.at(0) == "# Collapse Lab 0.1.0: recursive-regression");
  CHECK(all.at(1) == "# seed: 1; trials: 20");
  CHECK(hasLineStarting(all, "# parameters: seed=1 trials=20 dim=5 samples=40"));
  CHECK(hasLineStarting(all, "# x: generation — "));
  CHECK(hasLineStarting(all, "# metric: testError — test error"));
  CHECK(hasLineStarting(all, "# series: workflow"));
  CHECK(hasLineStarting(all, "# link: https://example.org/#v=1"));
  CHECK(hasLineStarting(all, "# reference,series_key,series_value,label,value"));
  CHECK(hasLineStarting(all, "# reference,workflow,accumulate,π²/6 bound,"));
  CHECK_FALSE(hasLineStarting(all, "# marker,"));  // no marked points on this figure

  std::vector<std::string> rows;
  for (const auto& line : all)
    if (line.rfind('#', 0) != 0) rows.push_back(line);
  REQUIRE(rows.size() == 1 + 3 * 3);
  CHECK(rows.at(0) == "series_key,series_value,x,mean,sem,lo,hi,median,theory");
  // The first data row: replace at generation 1, each number the Result's (formatNumber round-trips to 1e-15).
  const auto& replace = run.result.series.at(0);
  std::vector<std::string> cells;
  std::istringstream row(rows.at(1));
  for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
  REQUIRE(cells.size() == 9);
  CHECK(cells[0] == "workflow");
  CHECK(cells[1] == "replace");
  CHECK(std::stod(cells[3]) == Approx(replace.mean[0]).epsilon(1e-12));
  CHECK(std::stod(cells[7]) == Approx(replace.median[0]).epsilon(1e-12));
  CHECK(std::stod(cells[8]) == Approx((*replace.theory)[0]).epsilon(1e-12));
}

TEST_CASE("csv report: marked points of a swept λ, and quoting of labels with commas", "[csv-report]") {
  const auto run = testing::runExperiment("synthetic-chain", {{"dim", 10}, {"generatorSamples", 40}, {"samples", 40}, {"trials", 4}},
                                          "ridge=0.01:10:log:4", "generations=0,5");
  const auto all = lines(resultCsvReport(run.result));
  CHECK(hasLineStarting(all, "# x: ridge — ridge penalty λ"));
  CHECK(hasLineStarting(all, "# marker,series_key,series_value,label,x,y"));
  CHECK(hasLineStarting(all, "# marker,generations,5,optimal λ,"));
  for (const auto& line : all) CHECK(line.find('\n') == std::string::npos);
}
