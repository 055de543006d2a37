#pragma once
/// @file csv_report.hpp
/// The CSV a person downloads (the page's Download CSV, `collapse-lab run --format csv-report`): everything the
/// figure draws, self-describing. `#` comment lines first (read with pandas `comment='#'` or R `comment.char='#'`):
/// the manifest (generator, version, experiment, seed, trials, every parameter, x and metric with their names and
/// units, the series), the reference lines and marked points as `# reference,…` and `# marker,…` rows, and the
/// Result's notes; then the long table with the median beside the mean:
///   series_key,series_value,x,mean,sem,lo,hi,median,theory
/// The plain `--format csv` (series_key,…,hi,theory) stays as it is: other tools read it.
#include <string>
#include <vector>

#include "collapse/result/result.hpp"

namespace collapse {

/// The report CSV of `result`; `extraComments` (e.g. "link: …", "flavour: simd") become further `# ` lines after
/// the manifest.
std::string resultCsvReport(const Result& result, const std::vector<std::string>& extraComments = {});

}  // namespace collapse
