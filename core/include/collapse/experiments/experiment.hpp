#pragma once
/// @file experiment.hpp
/// What every experiment provides. An experiment is a pure function of (Config, random stream): one call of
/// simulateTrial() is one Monte Carlo trial over the experiment's natural x axis. The sweep engine
/// (sweep/plan.hpp) does everything generic: validation, swept axes, series, trial splitting, aggregation.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "collapse/catalogue/config.hpp"
#include "collapse/catalogue/parameter.hpp"
#include "collapse/random/rng.hpp"

namespace collapse {

struct Axis {
  std::string key;
  std::string label;
};

/// A horizontal reference level drawn with a series, e.g. the π²/6 bound of accumulate.
struct ReferenceLine {
  std::string label;
  double value;
};

/// A marked point on a series' theory curve, e.g. the optimal ridge λ* on an error-vs-λ figure.
struct ReferencePoint {
  std::string label;
  double x, y;
};

/// What a generative experiment's data look like in one trial: the real data and the samples each generation
/// produced, as rows of `dimension` coordinates (row-major), for pictures of collapse.
struct PointCloud {
  int dimension = 0;
  std::vector<double> real;                      ///< the real training data
  std::vector<std::vector<double>> generations;  ///< [t − 1]: the samples drawn from fit t
};

/// A few sentences of the text one generation was fitted to (generation 1: the real text), for reading
/// generations side by side (Result series[].samples, docs/result.md).
struct GenerationSample {
  int generation = 1;
  std::vector<std::string> sentences;
};

/// A named request that reproduces a paper's figure: the same definition serves the CLI (--preset) and the page.
struct Preset {
  std::string key;       ///< e.g. "ridge-u-shapes"
  std::string title;     ///< e.g. "Error against ridge λ (Fig. 1a)"
  std::string claim;     ///< the paper's claim, in one sentence
  std::string citation;  ///< short citation, e.g. "Dohmatob, Feng & Kempe 2024, Fig. 1a"
  std::string url;       ///< the paper, e.g. "https://arxiv.org/abs/2402.07712"
  std::vector<std::pair<std::string, Value>> config;  ///< parameters that differ from the defaults
  std::string x;       ///< "" or "key=grid"
  std::string series;  ///< "" or "key=v1,v2"
};

/// The values first, first + 1, …, last: a generation axis.
std::vector<double> generationAxis(int first, int last);

struct ExperimentInfo {
  std::string key;       ///< e.g. "recursive-regression"
  std::string title;     ///< e.g. "Recursive regression: replace vs accumulate"
  std::string source;    ///< the papers, for citation
  std::string summary;   ///< one paragraph: what the experiment shows
  std::vector<Parameter> parameters;  ///< seed and trials first
  Axis x;                ///< natural x axis (e.g. generation)
  Axis metric;           ///< what is measured
  std::string naturalSeries;  ///< a Choice parameter shown as one series per choice by default ("" if none)
  std::vector<Preset> presets;  ///< the first is the default view
  /// Real data the simulation reads (collapse/data/dataset_store.hpp), e.g. {"mnist-digits"}: the page fetches
  /// them when the experiment opens. Validation must not need them.
  std::vector<std::string> datasets;
};

class Experiment {
 public:
  virtual ~Experiment() = default;
  virtual const ExperimentInfo& info() const = 0;

  /// Settings derived once per simulated point before any trial runs (e.g. a ridge λ tuned by theory);
  /// simulateTrial and theory receive resolved configs. Default: the config unchanged.
  virtual Config resolve(const Config& config) const { return config; }

  /// Problems that involve several parameters (each value is already in range), e.g. memory or a sampler
  /// that cannot apply. Checked before anything is allocated.
  virtual std::vector<Issue> checkCombination(const Config&) const { return {}; }

  /// Remarks for the reader, e.g. why no theory is drawn for this configuration.
  virtual std::vector<std::string> notes(const Config&) const { return {}; }

  /// What is measured for this configuration (experiments whose metric is a parameter name it here): the
  /// primary metric, the one `metric`, `series[].simulation`, `series[].theory` and the CSV report.
  virtual Axis metricAxis(const Config&) const { return info().metric; }

  /// Every metric one trial measures, in declared order (docs/result.md, "Several metrics from one run").
  /// Must contain metricAxis(config) and must not depend on the series or swept parameter. With M metrics,
  /// simulateTrial returns M blocks of naturalX(config).size() values, metric-major: value (m, i) at m·X + i.
  /// Default: the primary metric alone, so an experiment with one metric changes nothing.
  virtual std::vector<Axis> metrics(const Config& config) const { return {metricAxis(config)}; }

  /// The natural x grid, e.g. generations 1..n.
  virtual std::vector<double> naturalX(const Config& config) const = 0;

  /// One trial: every metric at every natural x point (metric-major, see metrics()). Must depend only on
  /// `config` and `rng`.
  virtual std::vector<double> simulateTrial(const Config& config, Rng& rng) const = 0;

  /// Closed-form theory of the primary metric on the natural x grid, or nullopt where none applies.
  virtual std::optional<std::vector<double>> theory(const Config& config) const = 0;

  /// Theory of metric `metricKey` (one of metrics(config)) on the natural x grid. Default: theory(config) for
  /// the primary metric, nullopt for the others.
  virtual std::optional<std::vector<double>> theoryFor(const Config& config, const std::string& metricKey) const;

  /// Reference levels to draw with a series of this configuration on an x axis `xKey` (natural or swept).
  virtual std::vector<ReferenceLine> referenceLines(const Config&, const std::string& /*xKey*/) const { return {}; }

  /// Reference levels of metric `metricKey`. Default: referenceLines(config, xKey) for the primary metric,
  /// none for the others.
  virtual std::vector<ReferenceLine> referenceLinesFor(const Config& config, const std::string& xKey,
                                                       const std::string& metricKey) const;

  /// Points to mark on a series whose x axis sweeps `xKey` (e.g. the λ minimising the theory); primary metric only.
  virtual std::vector<ReferencePoint> referencePoints(const Config&, const std::string& /*xKey*/) const { return {}; }

  /// All points of one trial: `points[s]` holds series s's resolved configs (one per x value when `sweptX`,
  /// else one); `out` receives points.size() × M × pointsPerSeries values (M = metrics().size()), series-major,
  /// then metric-major: value (s, m, i) at (s·M + m)·pointsPerSeries + i. Each value must have the law of
  /// simulateTrial(point, Rng(seed, trial)) — with `sweptX`, each metric's last natural value. The default does
  /// exactly that; experiments override it to share work between points (one factorisation for a whole λ sweep).
  virtual void simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                   std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                   double* out) const;

  /// Trials [firstTrial, firstTrial + trials) of simulateTrialPoints, trial t's valuesPerTrial values at
  /// out + (t − firstTrial)·valuesPerTrial. Each trial's values must be exactly (bit for bit) those of
  /// simulateTrialPoints for that trial alone, whatever the block: shards, chunks and workers split trials
  /// anywhere. The default calls simulateTrialPoints trial by trial; an experiment overrides it to share work
  /// between trials (kernel-real-vs-synthetic multiplies a cell's noise map by all the block's noise at once).
  virtual void simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                  std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                  std::size_t trials, std::size_t valuesPerTrial, double* out) const;

  /// One trial's data, generation by generation (generative experiments only; nullopt otherwise).
  virtual std::optional<PointCloud> pointCloud(const Config&, Rng&) const { return std::nullopt; }

  /// Sentences of trial 1's text at every generation (text experiments only; empty otherwise). Deterministic in the
  /// config; the Result carries them per series on a natural x axis.
  virtual std::vector<GenerationSample> sampleSentences(const Config&) const { return {}; }

  const Parameter* findParameter(const std::string& key) const;

 protected:
  /// simulateTrialBlock, the values laid out as simulateTrialPoints lays them, for a trial that reads its config
  /// into settings before it simulates: `prepare(config)` runs once per point of the block, not once per trial and
  /// point, and `simulate(settings, rng)` is simulateTrial's work on them. Reading the configs (string lookups and
  /// comparisons, a spectrum and a ground truth built) had been a tenth of recursive-regression's ridge sweep in
  /// WebAssembly. The default simulateTrialPoints is this block of one trial with the config itself as settings.
  template <typename Prepare, typename Simulate>
  void simulatePreparedBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                             std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                             double* out, Prepare prepare, Simulate simulate) const {
    using Settings = decltype(prepare(points.front().front()));
    const auto never = [](const Settings&) { return false; };
    const auto unused = [](const Settings&, Rng&, Rng&) {  // never called: nothing is pairable
      std::array<std::vector<double>, 2> none;
      return none;
    };
    simulatePreparedBlock(points, sweptX, pointsPerSeries, seed, firstTrial, trials, valuesPerTrial, out, prepare,
                          simulate, never, unused);
  }

  /// The same, two trials at a time where `pairable(settings)`: `simulatePair(settings, rngA, rngB)` gives the
  /// curves simulate(settings, rngA) and simulate(settings, rngB) would, computed together (gaussian-fitting's
  /// random numbers in two lanes). Trials t and t + 1 of the block are paired; an odd block's last is alone.
  template <typename Prepare, typename Simulate, typename Pairable, typename SimulatePair>
  void simulatePreparedBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                             std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                             double* out, Prepare prepare, Simulate simulate, Pairable pairable,
                             SimulatePair simulatePair) const {
    using Settings = decltype(prepare(points.front().front()));
    std::vector<std::vector<Settings>> prepared(points.size());
    std::vector<std::size_t> metricCounts(points.size()), seriesOffsets(points.size());
    for (std::size_t s = 0, offset = 0; s < points.size(); ++s) {
      metricCounts[s] = metrics(points[s].front()).size();
      seriesOffsets[s] = offset;
      offset += metricCounts[s] * pointsPerSeries;
      for (std::size_t i = 0; i < (sweptX ? points[s].size() : 1); ++i) prepared[s].push_back(prepare(points[s][i]));
    }
    // Trial t's curve at point i of series s into its values: the whole curve without a swept x; with one, each
    // metric's last natural value at x index i.
    const auto place = [&](std::size_t t, std::size_t s, std::size_t i, const std::vector<double>& curve) {
      double* values = out + t * valuesPerTrial + seriesOffsets[s];
      const std::size_t metricCount = metricCounts[s];
      if (!sweptX) {
        std::copy(curve.begin(), curve.begin() + static_cast<std::ptrdiff_t>(metricCount * pointsPerSeries), values);
        return;
      }
      const std::size_t natural = curve.size() / metricCount;  // each metric's block of natural x values
      for (std::size_t m = 0; m < metricCount; ++m) values[m * pointsPerSeries + i] = curve[m * natural + natural - 1];
    };
    for (std::size_t t = 0; t < trials; ++t) {
      const bool pair = t + 1 < trials;
      for (std::size_t s = 0; s < points.size(); ++s)
        for (std::size_t i = 0; i < prepared[s].size(); ++i) {
          // Common random numbers: every point of a trial sees the same stream, Rng(seed, trial).
          if (pair && pairable(prepared[s][i])) {
            Rng first(seed, firstTrial + t), second(seed, firstTrial + t + 1);
            const std::array<std::vector<double>, 2> curves = simulatePair(prepared[s][i], first, second);
            place(t, s, i, curves[0]);
            place(t + 1, s, i, curves[1]);
            continue;
          }
          for (std::size_t u = t; u <= (pair ? t + 1 : t); ++u) {
            Rng rng(seed, firstTrial + u);
            place(u, s, i, simulate(prepared[s][i], rng));
          }
        }
      if (pair) ++t;
    }
  }
};

}  // namespace collapse
