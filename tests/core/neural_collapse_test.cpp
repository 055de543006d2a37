// "neural-collapse": the metrics on constructed geometries, the C × C NC1 route against an explicit
// pseudo-inverse, the GNC2 QP against brute force, gradient-descent endpoints against every closed-form optimum
// (docs/theory/neural-collapse.md §"Closed-form optima"), the central path's closed-form dynamics against its
// own simulation with a step-halving order check, validation and determinism.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include <Eigen/Dense>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/experiments/neural_collapse.hpp"
#include "collapse/neural/collapse_metrics.hpp"
#include "collapse/neural/hull_distance.hpp"
#include "collapse/neural/ufm_training.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/theory/neural_collapse_theory.hpp"
#include "experiment_run.hpp"

using namespace collapse;
using namespace collapse::neural;

namespace {

constexpr double kPi = 3.14159265358979323846;

Eigen::MatrixXd gaussianMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
  Rng rng(seed, 0);
  NormalSampler normal(rng);
  Eigen::MatrixXd m(rows, cols);
  normal.fill(m.data(), m.size());
  return m;
}

/// A simplex ETF E (d × C, d ≥ C − 1): unit columns, pairwise cosine −1/(C − 1), in a random rotation.
Eigen::MatrixXd simplexEtf(int classes, int d, std::uint64_t seed) {
  const Eigen::MatrixXd centring = Eigen::MatrixXd::Identity(classes, classes) - Eigen::MatrixXd::Constant(classes, classes, 1.0 / classes);
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(gaussianMatrix(d, classes, seed));
  const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(d, classes);  // orthonormal columns
  return std::sqrt(classes / (classes - 1.0)) * q * centring;  // EᵀE = C/(C−1)·J
}

/// A collapsed last layer: h_i = a·e_{y_i} + offset (no within-class spread), W = b·Eᵀ, bias constant.
LastLayer collapsedLayer(int classes, int d, int n, std::uint64_t seed) {
  const Eigen::MatrixXd etf = simplexEtf(classes, d, seed);
  const Eigen::VectorXd offset = gaussianMatrix(d, 1, seed + 1);
  LastLayer layer;
  layer.perClass = n;
  layer.features.resize(d, classes * n);
  for (int i = 0; i < classes * n; ++i) layer.features.col(i) = 3.0 * etf.col(i / n) + offset;
  layer.classifier = 0.7 * etf.transpose();
  layer.bias = Eigen::VectorXd::Constant(classes, 0.3) - layer.classifier * offset;  // so outputs depend on the class only
  return layer;
}

}  // namespace

TEST_CASE("neural-collapse metrics: an exact simplex ETF is fully collapsed", "[neural-collapse][metrics]") {
  for (int classes : {3, 4, 10}) {
    INFO("C = " << classes);
    const LastLayer layer = collapsedLayer(classes, classes + 2, 5, 11);
    const Eigen::MatrixXd centred = centredMeans(classMeans(layer.features, classes, 5));
    CHECK(nc1(layer.features, classes, 5) == Approx(0).margin(1e-20));
    CHECK(equinorm(centred) == Approx(0).margin(1e-12));
    CHECK(equiangularity(centred) == Approx(0).margin(1e-12));
    CHECK(maxAngle(centred) == Approx(0).margin(1e-12));
    CHECK(selfDuality(layer.classifier, centred) == Approx(0).margin(1e-12));
    CHECK(nccMismatch(layer) == 0);
    CHECK(trainError(layer) == 0);
    CHECK(gnc3(layer.classifier, centred) == Approx(0).margin(1e-12));
    CHECK(gnc2(layer.classifier) == Approx(classes / (classes - 1.0)).epsilon(1e-9));
  }
}

TEST_CASE("neural-collapse metrics: random features are far from collapse", "[neural-collapse][metrics]") {
  const int classes = 4, d = 32, n = 20;
  LastLayer layer;
  layer.perClass = n;
  layer.features = gaussianMatrix(d, classes * n, 3);
  layer.classifier = gaussianMatrix(classes, d, 4);
  layer.bias = Eigen::VectorXd::Zero(classes);
  const Eigen::MatrixXd centred = centredMeans(classMeans(layer.features, classes, n));
  // i.i.d. features: NC1 ≈ (C − 1)n/d = 1.9 (a rough rule for Gaussian features: (C − 1) between-class directions against d of noise); well away from 0 whatever the seed.
  CHECK(nc1(layer.features, classes, n) > 0.5);
  CHECK(equiangularity(centred) > 0.01);
  CHECK(maxAngle(centred) > 0.01);
  CHECK(selfDuality(layer.classifier, centred) > 0.5);
  CHECK(trainError(layer) > 0.3);  // chance is 0.75
}

TEST_CASE("neural-collapse NC1: the C × C route equals the explicit d × d pseudo-inverse", "[neural-collapse][metrics]") {
  struct Case { int classes, d, n; };
  for (const Case& k : {Case{4, 12, 7}, Case{5, 4, 9}, Case{6, 3, 5}, Case{10, 64, 20}}) {  // rank C − 1 and rank d < C − 1
    INFO("C = " << k.classes << ", d = " << k.d);
    const Eigen::MatrixXd h = gaussianMatrix(k.d, k.classes * k.n, 17 + k.d);
    CHECK(nc1(h, k.classes, k.n) == Approx(nc1ExplicitPseudoInverse(h, k.classes, k.n)).epsilon(1e-9));
  }
}

TEST_CASE("neural-collapse GNC2: the hull-distance QP equals brute force, and the known codes", "[neural-collapse][metrics]") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const int k = 2 + static_cast<int>(seed % 6), d = 1 + static_cast<int>(seed % 5);
    INFO("k = " << k << ", d = " << d << ", seed " << seed);
    const Eigen::MatrixXd vertices = gaussianMatrix(d, k, seed);
    const Eigen::VectorXd point = 1.5 * gaussianMatrix(d, 1, seed + 100);
    CHECK(distanceToHull(point, vertices) == Approx(distanceToHullBruteForce(point, vertices)).margin(1e-7));
  }
  // Icosahedron (C = 12, d = 3): the vertices (0, ±1, ±φ) and cyclic permutations, normalised.
  const double phi = (1 + std::sqrt(5.0)) / 2;
  Eigen::MatrixXd ico(12, 3);
  int row = 0;
  for (int a : {-1, 1})
    for (int b : {-1, 1}) {
      ico.row(row++) << 0, a, b * phi;
      ico.row(row++) << a, b * phi, 0;
      ico.row(row++) << b * phi, 0, a;
    }
  CHECK(gnc2(ico) == Approx(*theory::gnc2Optimum(12, 3)).epsilon(1e-9));
  Eigen::MatrixXd polygon(12, 2);
  for (int c = 0; c < 12; ++c) polygon.row(c) << std::cos(2 * kPi * c / 12), std::sin(2 * kPi * c / 12);
  CHECK(gnc2(polygon) == Approx(*theory::gnc2Optimum(12, 2)).epsilon(1e-9));
  Eigen::MatrixXd octahedron(6, 3);
  octahedron << 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1;
  CHECK(gnc2(octahedron) == Approx(*theory::gnc2Optimum(6, 3)).epsilon(1e-9));
}

TEST_CASE("neural-collapse term B: zero at least squares, and the exact excess MSE loss elsewhere", "[neural-collapse][metrics]") {
  UfmSettings s;
  s.loss = UfmLoss::Mse;
  s.classes = 3;
  s.featureDim = 5;
  s.perClass = 6;
  s.weightDecay = 0.01;
  s.featureDecay = 0.0;
  LastLayer layer;
  layer.perClass = 6;
  layer.features = gaussianMatrix(5, 18, 5);
  const Eigen::MatrixXd optimum = leastSquaresClassifier(layer.features, 6, 3, s.weightDecay, true);
  layer.classifier = optimum.leftCols(5);
  layer.bias = optimum.col(5);
  CHECK(lsDeviation(layer, s.weightDecay, true) == Approx(0).margin(1e-14));
  const double best = ufmObjective(s, layer);
  layer.classifier += 0.3 * gaussianMatrix(3, 5, 6);
  layer.bias += 0.2 * gaussianMatrix(3, 1, 7);
  // The objective is quadratic in (W, b): its excess over the minimum is exactly ½ tr(ΔAΔᵀ).
  CHECK(lsDeviation(layer, s.weightDecay, true) == Approx(ufmObjective(s, layer) - best).epsilon(1e-10));
}

namespace {
/// The last state of a UFM run of `steps` steps.
LastLayer trainedState(const UfmSettings& s, int steps, std::uint64_t seed) {
  Rng rng(seed, 0);
  LastLayer last;
  trainUfm(s, {steps}, rng, [&](int, const LastLayer& layer) { last = layer; });
  return last;
}

/// Largest relative deviation of the trained state from the closed-form optimum (objective, norms, output).
double endpointError(const UfmSettings& s, const LastLayer& state, const std::string& loss) {
  const auto optimum = theory::ufmOptimum(loss, s.classes, s.perClass, s.weightDecay, s.featureDecay);
  const Eigen::VectorXd w = state.classifier.rowwise().squaredNorm(), h = state.features.colwise().squaredNorm().transpose();
  double error = std::abs(ufmObjective(s, state) / optimum.objective - 1);
  error = std::max(error, (w.array() / optimum.classifierNorm - 1).abs().maxCoeff());
  error = std::max(error, (h.array() / optimum.featureNorm - 1).abs().maxCoeff());
  error = std::max(error, std::abs(trueClassOutput(s, state) / optimum.trueClassOutput - 1));
  return error;
}
}  // namespace

TEST_CASE("neural-collapse UFM: gradient descent reaches every closed-form optimum", "[neural-collapse][theory]") {
  // GD converges geometrically near a strict minimum, so the error must fall by a large factor when the step
  // budget doubles (the method's order: linear convergence), and be at round-off level at the end. The optimum
  // is unique up to rotation, so every seed must reach it: the spread over seeds is 0 up to the same error.
  struct Case { const char* loss; UfmLoss kind; double lr; int steps; };
  for (const Case& k : {Case{"ce", UfmLoss::CrossEntropy, 2.0, 6000}, Case{"mse", UfmLoss::Mse, 1.0, 3000},
                        Case{"mse-nobias", UfmLoss::MseNoBias, 1.0, 3000}}) {
    UfmSettings s;
    s.loss = k.kind;
    s.classes = 4;
    s.featureDim = 6;
    s.perClass = 5;
    s.weightDecay = 5e-3;
    s.featureDecay = 5e-3;
    s.learningRate = k.lr;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      INFO(k.loss << ", seed " << seed);
      const double coarse = endpointError(s, trainedState(s, k.steps, seed), k.loss);
      const double fine = endpointError(s, trainedState(s, 2 * k.steps, seed), k.loss);
      CHECK(fine < 1e-8);
      CHECK((fine < coarse / 10 || fine < 1e-12));
      const LastLayer state = trainedState(s, 2 * k.steps, seed);
      const Eigen::MatrixXd centred = centredMeans(classMeans(state.features, 4, 5));
      CHECK(nc1(state.features, 4, 5) < 1e-10);
      if (k.kind != UfmLoss::MseNoBias) {
        CHECK(selfDuality(state.classifier, centred) < 1e-10);
        CHECK(maxAngle(centred) < 1e-6);
      } else {
        CHECK(selfDuality(state.classifier, centred) == Approx(2 - 2 * std::sqrt(3.0 / 4)).epsilon(1e-6));
      }
    }
  }
}

TEST_CASE("neural-collapse UFM: with s ≥ 1/C everything decays to zero and f → ln C", "[neural-collapse][theory]") {
  UfmSettings s;
  s.classes = 4;
  s.featureDim = 6;
  s.perClass = 5;
  s.weightDecay = s.featureDecay = 0.2;  // s = √(5·0.04) = 0.45 ≥ 1/4
  const LastLayer state = trainedState(s, 3000, 1);
  CHECK(state.classifier.squaredNorm() < 1e-12);
  CHECK(ufmObjective(s, state) == Approx(std::log(4.0)).epsilon(1e-9));
}

namespace {
/// NC1 and the loss of one central-path run at time t = lr·steps, and the closed form for the same start.
struct CentralPathPoint { double simulatedNc1, theoryNc1, simulatedLoss, theoryLoss; };
CentralPathPoint centralPathPoint(double lr, double time) {
  UfmSettings s;
  s.loss = UfmLoss::Mse;
  s.centralPath = true;
  s.classes = 4;
  s.featureDim = 6;
  s.perClass = 10;
  s.learningRate = lr;
  const int steps = static_cast<int>(std::lround(time / lr));
  Rng rng(5, 0);
  LastLayer start, last;
  trainUfm(s, {0, steps}, rng, [&](int step, const LastLayer& layer) { (step == 0 ? start : last) = layer; });
  const Eigen::MatrixXd centred0 = centredMeans(classMeans(start.features, 4, 10));
  const auto state = theory::centralPathAt(centred0, lr * steps, 10);
  const Eigen::ArrayXd w2 = state.snr.array().square();
  return {nc1(last.features, 4, 10), (1 / w2).sum(), ufmObjective(s, last), 0.5 * (1 / (w2 + 4)).sum()};
}
}  // namespace

TEST_CASE("neural-collapse central path: Euler steps follow the closed-form dynamics to first order", "[neural-collapse][theory]") {
  const double time = 2000;
  const auto coarse = centralPathPoint(20, time), fine = centralPathPoint(10, time), finer = centralPathPoint(5, time);
  INFO("NC1 sim/theory: " << coarse.simulatedNc1 << "/" << coarse.theoryNc1 << ", " << fine.simulatedNc1 << ", " << finer.simulatedNc1);
  // At step 0 the simulation is the closed form exactly (same start); later the gap is Euler's O(η) error:
  // halving η must halve it (ratio 1/2 ± 0.1), and it must be small.
  const double e1 = std::abs(coarse.simulatedNc1 - coarse.theoryNc1), e2 = std::abs(fine.simulatedNc1 - fine.theoryNc1),
               e3 = std::abs(finer.simulatedNc1 - finer.theoryNc1);
  CHECK(e2 / e1 == Approx(0.5).margin(0.1));
  CHECK(e3 / e2 == Approx(0.5).margin(0.1));
  CHECK(e3 < 0.01 * finer.theoryNc1);
  const double l2 = std::abs(fine.simulatedLoss - fine.theoryLoss), l3 = std::abs(finer.simulatedLoss - finer.theoryLoss);
  CHECK(l3 / l2 == Approx(0.5).margin(0.1));
  CHECK(l3 < 0.01 * finer.theoryLoss);
  // The closed form itself: NC1 decays like t^(−1/2) at large t (ω ≈ (4t/n)^(1/4), NC1 ≈ (C − 1)√(n/(4t))).
  const double u = theory::centralPathSnrSquared(1.0, 1e12, 4, 10);
  CHECK(3 / u == Approx(3 * std::sqrt(10 / 4e12)).epsilon(0.01));
}

TEST_CASE("neural-collapse experiment: the central-path theory curves match the Monte Carlo", "[neural-collapse][theory]") {
  // Theory = the closed form from each trial's own start, averaged over the same trials, so MC and theory differ only
  // by Euler's O(η) error (exactly 0 at step 0). Halving η (same final time t = 12 000) must halve the final gap
  // (ratio 1/2 ± 0.15), and at η = 5 every checkpoint must be within 2% (measured: ≤ 1.1%, self-duality's peak; 3%
  // at η = 10).
  auto run = [](double lr, int steps) {
    return testing::runExperiment("neural-collapse", {{"loss", "mse"}, {"centralPath", "on"}, {"featureDim", 6}, {"samplesPerClass", 10},
                                                      {"learningRate", lr}, {"steps", steps}, {"trials", 4}});
  };
  const auto coarse = run(10, 1200), fine = run(5, 2400);
  auto metricOf = [](const testing::ExperimentRun& r, const std::string& key) -> const MetricSeries& {
    for (const auto& m : r.result.series[0].metrics)
      if (m.metric.key == key) return m;
    FAIL("no metric " << key);
    return r.result.series[0].metrics[0];
  };
  for (const char* key : {"nc1", "loss", "selfDuality", "equinorm", "maxAngle", "trueClassOutput", "classifierNorm", "gnc3"}) {
    INFO(key);
    const MetricSeries& c = metricOf(coarse, key);
    const MetricSeries& f = metricOf(fine, key);
    REQUIRE(c.theory);
    REQUIRE(f.theory);
    CHECK(f.mean[0] == Approx((*f.theory)[0]).epsilon(1e-9));
    for (std::size_t i = 0; i < f.mean.size(); ++i) {
      INFO("step " << fine.plan.xValues[i]);
      CHECK(f.mean[i] == Approx((*f.theory)[i]).epsilon(0.02).margin(1e-9));
    }
    const double gapCoarse = std::abs(c.mean.back() - c.theory->back()), gapFine = std::abs(f.mean.back() - f.theory->back());
    CHECK(gapFine / gapCoarse == Approx(0.5).margin(0.15));
  }
  CHECK(metricOf(fine, "lsDeviation").mean.back() == Approx(0).margin(1e-12));  // W = W_LS at every step
}

TEST_CASE("neural-collapse experiment: the terminal-phase preset collapses and draws f*", "[neural-collapse]") {
  Request request;
  request.experiment = "neural-collapse";
  request.preset = "terminal-phase";
  request.config = {{"trials", 3}};
  testing::ExperimentRun run(request);
  const auto json = resultJson(run.result);
  REQUIRE(json["metrics"].size() == 14);
  const auto& m = json["series"][0]["metrics"];
  CHECK(m["trainError"]["simulation"]["mean"].back() == 0);
  const double nc1First = m["nc1"]["simulation"]["mean"].front(), nc1Last = m["nc1"]["simulation"]["mean"].back();
  CHECK(nc1Last < 1e-3 * nc1First);
  const double fStar = m["loss"]["references"][0]["value"];
  CHECK(m["loss"]["simulation"]["mean"].back().get<double>() == Approx(fStar).epsilon(1e-3));
  // ce: term B of the MSE objective, finite and positive (a CE classifier is not the least-squares one).
  CHECK(m["lsDeviation"]["simulation"]["mean"].back().get<double>() > 0);
  for (const auto& note : json["notes"]) CHECK(note.get<std::string>().find("Non-finite") == std::string::npos);
}

TEST_CASE("neural-collapse experiment: validation names the parameter", "[neural-collapse]") {
  auto messages = [](const nlohmann::json& config) {
    Request r;
    r.experiment = "neural-collapse";
    r.config = config;
    try {
      makePlan(r);
    } catch (const ValidationError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(messages({{"centralPath", "on"}}).find("centralPath = on") != std::string::npos);
  CHECK(messages({{"loss", "mse"}, {"centralPath", "on"}, {"samplesPerClass", 2}, {"featureDim", 16}}).find("featureDim = 16") !=
        std::string::npos);
  CHECK(messages({{"classes", 200}}).find("classes = 200") != std::string::npos);
}

TEST_CASE("neural-collapse experiment: trials are deterministic and independent of the split", "[neural-collapse]") {
  Request r;
  r.experiment = "neural-collapse";
  r.config = {{"trials", 3}, {"steps", 200}, {"loss", "spherical-ce"}, {"classes", 5}, {"featureDim", 2}, {"learningRate", 0.1}};
  const Plan plan = makePlan(r);
  const auto all = simulateTrials(plan, 0, 3), again = simulateTrials(plan, 0, 3);
  auto tail = simulateTrials(plan, 1, 3);
  auto head = simulateTrials(plan, 0, 1);
  head.insert(head.end(), tail.begin(), tail.end());
  // Bit for bit (memcmp, so that a NaN, should one arise, compares equal to itself).
  REQUIRE(all.size() == head.size());
  CHECK(std::memcmp(all.data(), again.data(), all.size() * sizeof(double)) == 0);
  CHECK(std::memcmp(all.data(), head.data(), all.size() * sizeof(double)) == 0);
}
