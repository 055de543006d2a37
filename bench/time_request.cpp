// collapse-bench '<request json>' [repeats]: runs the request `repeats` times (default 3) and prints
// {"seconds": best wall time of one run, "cpuSeconds": best CPU time of one run, "lastMean": ...} as JSON. A run is
// what the WebAssembly module's run() does: the plan is made once, then each run simulates, assembles and writes
// the Result JSON — so bench/preset-engines.mjs compares like with like (best of N, in-process, warm).
// collapse-bench --kernel <name> <size> [repeats]: one kernel of collapse/simd/kernel_timing.hpp.
// collapse-bench --normals <count>: the time to draw that many N(0, 1) variates, the floor below which no
// simulation consuming that much randomness can go (docs/design.md §4). Both are used by bench/run.mjs.
#include <chrono>
#include <ctime>
#include <iostream>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/result/result.hpp"
#include "collapse/simd/kernel_timing.hpp"

namespace {
int timeNormals(double count) {
  double best = 1e300, sink = 0.0;
  for (int r = 0; r < 3; ++r) {
    collapse::Rng rng(1, static_cast<std::uint64_t>(r));
    collapse::NormalSampler normal(rng);
    const auto start = std::chrono::steady_clock::now();
    for (double i = 0; i < count; ++i) sink += normal();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  std::cout << nlohmann::json({{"seconds", best}, {"checksum", sink}}).dump() << '\n';
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: collapse-bench '<request json>' [repeats]\n";
    return 2;
  }
  if (std::string(argv[1]) == "--normals" && argc > 2) return timeNormals(std::stod(argv[2]));
  if (std::string(argv[1]) == "--kernel" && argc > 3) {  // --kernel <name> <size> [repeats]
    const double seconds = collapse::simd::timeKernel(argv[2], std::stoi(argv[3]), argc > 4 ? std::stoi(argv[4]) : 5);
    std::cout << nlohmann::json({{"seconds", seconds}}).dump() << '\n';
    return 0;
  }
  try {
    const auto plan = collapse::makePlan(collapse::Request::fromJson(nlohmann::json::parse(argv[1])));
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
    double best = 1e300, bestCpu = 1e300, last = 0.0;
    std::size_t written = 0;
    for (int r = 0; r < repeats; ++r) {
      const std::clock_t cpuStart = std::clock();  // this process's CPU time (one thread here)
      const auto start = std::chrono::steady_clock::now();
      const auto result = collapse::runPlan(plan);
      written += collapse::resultJson(result).dump().size();
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
      bestCpu = std::min(bestCpu, static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
      best = std::min(best, elapsed.count());
      last = result.series.front().mean.back();
    }
    std::cout << nlohmann::json({{"seconds", best}, {"cpuSeconds", bestCpu}, {"lastMean", last}, {"bytes", written}}).dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
}
