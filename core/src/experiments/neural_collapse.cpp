// Catalogue entry, presets, validation, notes and theory dispatch of "neural-collapse" (training and
// measurement in neural_collapse_simulation.cpp; mathematics in docs/theory/neural-collapse.md).
#include "collapse/experiments/neural_collapse.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/data/mnist_digits.hpp"
#include "collapse/theory/neural_collapse_theory.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse {

namespace {

using S = std::string;

/// The metrics one run records, in declared order: key, label, and the sentence the catalogue shows.
struct MetricSpec {
  const char* key;
  const char* label;
};
const std::vector<MetricSpec>& metricSpecs() {
  static const std::vector<MetricSpec> specs = {
      {"trainError", "training error"},
      {"loss", "objective f"},
      {"nc1", "NC1 Tr(Σ_W Σ_B†)/C"},
      {"equinorm", "NC2 equinorm: CoV of ‖m̄_c‖"},
      {"equiangularity", "NC2 equiangularity: std of cos(m̄_c, m̄_c′)"},
      {"maxAngle", "NC2 max-angle: mean |cos + 1/(C−1)|"},
      {"selfDuality", "NC3 self-duality ‖Wᵀ/‖W‖ − M̄/‖M̄‖‖²"},
      {"ncc", "NC4 mismatch with the nearest class mean"},
      {"lsDeviation", "term B: loss from W − W_LS (MSE)"},
      {"gnc2", "GNC2 min one-vs-rest distance of w̃_k"},
      {"gnc3", "GNC3 mean 1 − cos(w_k, m̄_k)"},
      {"classifierNorm", "mean ‖w_c‖²"},
      {"featureNorm", "mean ‖h_i‖²"},
      {"trueClassOutput", "output on the true class"},
  };
  return specs;
}

ExperimentInfo neuralCollapseInfo() {
  namespace P = parameters;
  using T = ParameterType;
  std::vector<std::string> metricKeys, metricLabels;
  for (const auto& m : metricSpecs()) {
    metricKeys.push_back(m.key);
    metricLabels.push_back(m.label);
  }
  ExperimentInfo info;
  info.key = "neural-collapse";
  info.title = "Neural collapse: the last layer collapses to a simplex";
  info.source = "Papyan, Han & Donoho 2020, Prevalence of neural collapse during the terminal phase of deep learning "
                "training (PNAS 117(40), arXiv 2008.08186); Han, Papyan & Donoho 2022, Neural collapse under MSE loss "
                "(ICLR, arXiv 2106.02073); Jiang et al. 2024, Generalized neural collapse for a large number of classes "
                "(ICML, arXiv 2310.05351); Zhu et al. 2021 (NeurIPS, arXiv 2105.02375)";
  info.summary =
      "A classifier's last layer is trained past zero training error. Its features collapse onto their class means "
      "(NC1), the means and classifier rows form a simplex equiangular tight frame (NC2) that are each other's "
      "duals (NC3), and the classifier becomes the nearest-class-mean rule (NC4). The unconstrained-features model "
      "trains the features as free parameters; every metric is recorded at log-spaced steps of one run, with the "
      "closed-form optimum drawn over it.";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 8),
      P::makeChoice("model", "", "model", {"ufm", "mlp"}, {"unconstrained features (UFM)", "MLP on MNIST digits"}, "ufm",
                    "ufm: the features H are free parameters trained with (W, b) (Mixon et al. 2020; Zhu et al. 2021); "
                    "mlp: a ReLU network on real MNIST digits, its last hidden layer as the features."),
      P::makeChoice("loss", "", "loss", {"ce", "mse", "mse-nobias", "spherical-ce"},
                    {"cross-entropy + weight decay", "MSE + weight decay (bias free)", "MSE without bias",
                     "spherical CE (unit W rows and h, temperature τ)"},
                    "ce",
                    "ce: (1/N)ΣCE(Wh+b) + (λ_W/2)‖W‖² + (λ_H/2)‖H‖²; mse: (1/2N)‖WH+b1ᵀ−Y‖² + the same decay, b "
                    "unregularised; mse-nobias: without b (orthogonal frame, needs d ≥ C); spherical-ce: CE of Wh/τ with "
                    "‖w_c‖ = ‖h_i‖ = 1 (Jiang et al.; for C > d + 1)."),
      P::makeNumber(T::Integer, "classes", "C", "classes", "", 4, 2, 100, false, "Number of classes (balanced)."),
      P::makeNumber(T::Integer, "featureDim", "d", "feature dimension", "", 16, 1, 512, false,
                    "Dimension of the last-layer features h_i (the MLP's last hidden width)."),
      P::makeNumber(T::Integer, "samplesPerClass", "n", "samples per class", "", 20, 1, 1000, true,
                    "Training samples per class; N = Cn. For mlp: the first n digits of each class in the mnist package's order."),
      P::makeNumber(T::Real, "weightDecay", "λ_W", "classifier weight decay", "", 5e-3, 0, 1, true,
                    "λ_W on ‖W‖²/2 (for mlp: on every weight matrix). The bias is not regularised."),
      P::makeNumber(T::Real, "featureDecay", "λ_H", "feature decay", "", 5e-3, 0, 1, true,
                    "λ_H on ‖H‖²/2 (UFM only). Collapse to a simplex needs s = √(nλ_Wλ_H) < 1/C."),
      P::makeNumber(T::Real, "learningRate", "η", "learning rate", "", 1, 1e-6, 1000, true,
                    "Gradient-descent step. MSE with a bias needs η < 2(1 + momentum)."),
      P::makeNumber(T::Real, "momentum", "μ", "momentum", "", 0, 0, 0.999, false,
                    "Heavy-ball momentum: v ← μv + ∇f, θ ← θ − ηv."),
      P::makeNumber(T::Integer, "steps", "T", "training steps", "", 3000, 1, 200000, true,
                    "Full-batch gradient-descent steps; metrics at step 0 and ~40 log-spaced steps up to T."),
      P::makeNumber(T::Real, "initScale", "σ₀", "initialisation scale", "", 0.1, 1e-4, 10, true,
                    "UFM: initial entries of W and H ~ N(0, σ₀²). (The MLP uses He initialisation.)"),
      P::makeNumber(T::Real, "temperature", "τ", "temperature", "", 0.2, 0.01, 10, true,
                    "spherical-ce: logits Wh/τ of unit vectors (Jiang et al. use 1/τ = 7–10)."),
      P::makeChoice("centralPath", "", "central path", {"off", "on"}, {"off", "on (W = least squares)"}, "off",
                    "on (mse only): the classifier is the least-squares one at every step and the whitened features "
                    "follow the projected gradient flow (Han et al. 2022); weight decay is not used."),
      P::makeNumber(T::Integer, "hiddenWidth", "m", "hidden width", "", 64, 8, 1024, true,
                    "mlp: width of the hidden layers before the last (feature) layer."),
      P::makeNumber(T::Integer, "depth", "L", "hidden layers", "", 2, 1, 6, false,
                    "mlp: number of hidden ReLU layers; the last one has width d and gives the features."),
      P::makeChoice("metric", "", "metric", metricKeys, metricLabels, "nc1",
                    "The primary metric (every one is recorded in one run). Conventions: covariances ÷ N; means centred "
                    "by the mean of the class means; std with ddof = 1; NC1 by the C × C pseudo-inverse route; "
                    "equinorm/equiangularity/max-angle on the centred class means; NC4 and the training error on the "
                    "training set; GNC2 on L2-normalised classifier rows by a QP per class; term B of the MSE objective (for "
                    "every loss)."),
  };
  info.x = {"step", "gradient-descent step t"};
  info.metric = {"nc1", "NC1 Tr(Σ_W Σ_B†)/C"};
  info.naturalSeries = "";
  info.datasets = {"mnist-digits"};  // model = mlp reads them; the page fetches them when the experiment opens
  const S papyan = "Papyan, Han & Donoho 2020, PNAS 117(40)", han = "Han, Papyan & Donoho 2022, ICLR",
          jiang = "Jiang et al. 2024, ICML (arXiv 2310.05351)", zhu = "Zhu et al. 2021, NeurIPS (arXiv 2105.02375)";
  info.presets = {
      {"terminal-phase", "Neural collapse in the terminal phase (Papyan, Han & Donoho 2020)",
       "The training error reaches zero early; training on, the within-class variability (NC1), the distance from a "
       "simplex ETF (NC2), the classifier–mean mismatch (NC3) and the nearest-class-mean mismatch (NC4) keep falling.",
       papyan, "https://arxiv.org/abs/2008.08186", {{"loss", S("ce")}}, "", ""},
      {"mse-central-path", "MSE and the central path (Han, Papyan & Donoho 2022)",
       "With the classifier held at least squares, the signal-to-noise ratios of the whitened class means grow as "
       "n[C² ln ω + Cω² + ω⁴/4] = const + t: NC1 = Σ1/ω² falls like 1/√t, exactly as the closed form says.",
       han, "https://arxiv.org/abs/2106.02073",
       {{"loss", S("mse")}, {"centralPath", S("on")}, {"featureDim", 8.0}, {"learningRate", 100.0}, {"steps", 3000.0}}, "", ""},
      {"mse-term-b", "MSE: the classifier stays near least squares (Han, Papyan & Donoho 2022)",
       "Trained jointly with the features, the classifier stays close to the least-squares classifier of the current "
       "features: term B, the part of the loss its deviation adds, is a small share of the loss.",
       han, "https://arxiv.org/abs/2106.02073", {{"loss", S("mse")}, {"metric", S("lsDeviation")}}, "", ""},
      {"generalized-collapse", "Many classes, few dimensions: generalized neural collapse (Jiang et al. 2023)",
       "With C = 12 classes in d = 3 dimensions no simplex exists; spherical CE spreads the classifier rows to maximise "
       "the smallest one-vs-rest distance: an icosahedron (GNC2 → 1 − 1/√5), and in d = 2 a regular 12-gon.",
       jiang, "https://arxiv.org/abs/2310.05351",
       {{"loss", S("spherical-ce")}, {"classes", 12.0}, {"featureDim", 3.0}, {"samplesPerClass", 10.0}, {"temperature", 0.2},
        {"learningRate", 0.1}, {"steps", 4000.0}, {"metric", S("gnc2")}},
       "", "featureDim=3,2"},
      {"mnist-mlp", "A real network on MNIST digits",
       "A small ReLU network trained on real MNIST digits reaches zero training error early; trained on, its last hidden "
       "layer collapses too: the within-class variability (NC1) and the classifier–mean mismatch (NC3) keep falling and "
       "the classifier agrees with the nearest class mean (NC4) — what Papyan et al. measured in deep networks.",
       papyan, "https://arxiv.org/abs/2008.08186",
       {{"model", S("mlp")}, {"classes", 10.0}, {"samplesPerClass", 10.0}, {"featureDim", 32.0}, {"hiddenWidth", 64.0}, {"depth", 2.0},
        {"learningRate", 0.1}, {"momentum", 0.9}, {"weightDecay", 5e-4}, {"steps", 2000.0}, {"trials", 2.0}},
       "", ""},
      {"too-much-weight-decay", "Too much weight decay: everything collapses to zero",
       "When s = √(nλ_Wλ_H) ≥ 1/C the only minimiser is W = H = 0: the norms decay to zero and the objective to ln C; "
       "there is no simplex to collapse to.",
       zhu, "https://arxiv.org/abs/2105.02375", {{"weightDecay", 0.1}, {"featureDecay", 0.1}, {"metric", S("classifierNorm")}},
       "", ""},
  };
  return info;
}

bool isMse(const Config& c) { return c.choice("loss") == "mse" || c.choice("loss") == "mse-nobias"; }
double snrProduct(const Config& c) {
  return std::sqrt(c.number("samplesPerClass") * c.number("weightDecay") * c.number("featureDecay"));
}
bool centralPath(const Config& c) { return c.choice("centralPath") == "on"; }

}  // namespace

const ExperimentInfo& NeuralCollapse::info() const {
  static const ExperimentInfo info = neuralCollapseInfo();
  return info;
}

std::vector<Issue> NeuralCollapse::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double classes = c.number("classes"), d = c.number("featureDim"), n = c.number("samplesPerClass");
  if (c.choice("model") == "mlp") {
    if (c.choice("loss") != "ce" && c.choice("loss") != "mse")
      issues.push_back({"loss", c.choice("loss"), "model = mlp trains with loss = ce or mse (with a bias), not loss = " + c.choice("loss") + "."});
    if (classes > data::MnistDigits::kClasses)
      issues.push_back({"classes", formatNumber(classes), "model = mlp uses MNIST digits: classes = " + formatNumber(classes) +
                                                              " must be at most 10."});
    if (n > data::MnistDigits::kSmallestClass)
      issues.push_back({"samplesPerClass", formatNumber(n), "model = mlp: samplesPerClass = " + formatNumber(n) + " must be at most " +
                                                                formatNumber(data::MnistDigits::kSmallestClass) +
                                                                " (the digits of the smallest class, 5, in the mnist package)."});
  }
  if (centralPath(c) && c.choice("model") == "mlp")
    issues.push_back({"centralPath", "on", "centralPath = on is a mode of the unconstrained-features model; use model = ufm."});
  if (centralPath(c) && c.choice("loss") != "mse")
    issues.push_back({"centralPath", "on",
                      "centralPath = on holds the classifier at least squares with a bias: it needs loss = mse, not loss = " +
                          c.choice("loss") + "."});
  if (centralPath(c) && classes * n - classes < d)
    issues.push_back({"featureDim", formatNumber(d),
                      "centralPath = on whitens the features, so Σ_W must be invertible: N − C = " + formatNumber(classes * n - classes) +
                          " must be at least featureDim = " + formatNumber(d) + " (raise samplesPerClass or lower featureDim)."});
  const double width = c.number("hiddenWidth"), depth = c.number("depth");
  const double perSample = c.choice("model") == "mlp"
                               ? 3 * (196 * (depth > 1 ? width : d) + (depth - 2 > 0 ? depth - 2 : 0) * width * width + (depth > 1 ? width * d : 0) + d * classes)
                               : d * classes;
  const double work = c.number("steps") * classes * n * perSample;
  if (work > 4e10)
    issues.push_back({"steps", formatNumber(c.number("steps")),
                      "steps = " + formatNumber(c.number("steps")) + " with C = " + formatNumber(classes) + ", n = " + formatNumber(n) +
                          ", d = " + formatNumber(d) + " is " + formatNumber(work) +
                          " multiply-adds per trial; the limit is 4e10. Lower steps or the sizes."});
  return issues;
}

std::vector<std::string> NeuralCollapse::notes(const Config& c) const {
  std::vector<std::string> notes;
  const int classes = c.integer("classes"), d = c.integer("featureDim");
  const std::string& loss = c.choice("loss");
  const double s = snrProduct(c);
  const bool ufm = c.choice("model") == "ufm";
  if (!ufm)
    notes.push_back("mlp: MNIST digits 2 × 2-average-pooled to 14 × 14, the first samplesPerClass of each class; weight decay on "
                    "every weight matrix; He initialisation; featureDecay, initScale and temperature are not used; no closed "
                    "form applies to a real network.");
  if (ufm && loss != "spherical-ce" && !centralPath(c) && s * classes >= 1)
    notes.push_back("s = √(nλ_Wλ_H) = " + formatNumber(s) + " ≥ 1/C = " + formatNumber(1.0 / classes) +
                    ": the only minimiser is W = H = 0, so everything collapses to zero; the scale-free metrics (NC1, "
                    "cosines) become 0/0 late in training and mean nothing.");
  if ((loss == "ce" || loss == "mse") && d < classes - 1)
    notes.push_back("featureDim = " + formatNumber(d) + " < C − 1 = " + formatNumber(classes - 1) +
                    ": no simplex ETF fits; the closed-form optimum does not apply. Use loss = spherical-ce (generalized "
                    "neural collapse).");
  if (loss == "mse-nobias" && d < classes)
    notes.push_back("mse-nobias: the orthogonal-frame optimum needs featureDim ≥ C; featureDim = " + formatNumber(d) + ".");
  if (loss == "mse-nobias")
    notes.push_back("mse-nobias: the optimum is an orthogonal frame, not a simplex: self-duality tends to 2 − 2√((C−1)/C), "
                    "not 0 (the reference line).");
  if (loss == "mse" && !centralPath(c) && c.number("learningRate") >= 2 * (1 + c.number("momentum")))
    notes.push_back("learningRate = " + formatNumber(c.number("learningRate")) +
                    " ≥ 2(1 + momentum): the bias direction has curvature 1, so gradient descent diverges.");
  if (loss == "spherical-ce") notes.push_back("spherical-ce keeps ‖w_c‖ = ‖h_i‖ = 1: weightDecay and featureDecay are not used.");
  if (!isMse(c))
    notes.push_back("Term B (lsDeviation) belongs to Han et al.'s MSE decomposition; for " + loss +
                    " it measures the same thing of the MSE objective: how much MSE the trained classifier gives away "
                    "against the least-squares classifier of the same features.");
  if (centralPath(c)) {
    notes.push_back("Central path: λ = 0 (weightDecay and featureDecay are not used); the features are whitened at step 0 "
                    "(Σ_W = I) and only the class means move; term B is 0 by construction.");
    if (c.number("momentum") == 0)
      notes.push_back("Theory: the closed-form central-path dynamics of each trial's own initial signal-to-noise ratios, at "
                      "time t = η·step, averaged over the same trials (Euler steps follow it up to O(η)).");
    else
      notes.push_back("momentum > 0: the closed-form central-path dynamics describe plain gradient flow, so no theory is drawn.");
  }
  return notes;
}

Axis NeuralCollapse::metricAxis(const Config& c) const {
  const Parameter& metric = *findParameter("metric");
  return {c.choice("metric"), metric.valueLabel(c.get("metric"))};
}

std::vector<Axis> NeuralCollapse::metrics(const Config&) const {
  std::vector<Axis> axes;
  for (const auto& m : metricSpecs()) axes.push_back({m.key, m.label});
  return axes;
}

std::vector<int> NeuralCollapse::checkpoints(int steps) {
  std::vector<int> points = {0};
  constexpr int kLogPoints = 40;
  for (int k = 0; k <= kLogPoints; ++k) {
    const int step = static_cast<int>(std::lround(math::pow(static_cast<double>(steps), static_cast<double>(k) / kLogPoints)));
    if (step > points.back()) points.push_back(step);
  }
  if (points.back() != steps) points.push_back(steps);
  return points;
}

std::vector<double> NeuralCollapse::naturalX(const Config& c) const {
  const auto steps = checkpoints(c.integer("steps"));
  return {steps.begin(), steps.end()};
}

neural::UfmSettings NeuralCollapse::ufmSettings(const Config& c) {
  neural::UfmSettings s;
  const std::string& loss = c.choice("loss");
  s.loss = loss == "ce" ? neural::UfmLoss::CrossEntropy
           : loss == "mse" ? neural::UfmLoss::Mse
           : loss == "mse-nobias" ? neural::UfmLoss::MseNoBias
                                  : neural::UfmLoss::SphericalCrossEntropy;
  s.classes = c.integer("classes");
  s.featureDim = c.integer("featureDim");
  s.perClass = c.integer("samplesPerClass");
  s.weightDecay = c.number("weightDecay");
  s.featureDecay = c.number("featureDecay");
  s.learningRate = c.number("learningRate");
  s.momentum = c.number("momentum");
  s.initScale = c.number("initScale");
  s.temperature = c.number("temperature");
  s.centralPath = centralPath(c);
  return s;
}

std::optional<std::vector<double>> NeuralCollapse::theory(const Config& c) const {
  return theoryFor(c, c.choice("metric"));
}

std::optional<std::vector<double>> NeuralCollapse::theoryFor(const Config& c, const std::string& key) const {
  // Only the central path has closed-form dynamics; elsewhere the optimum is drawn as a reference line.
  if (!centralPath(c) || c.number("momentum") != 0 || c.choice("model") != "ufm") return std::nullopt;
  static const std::vector<std::string> withTheory = {"loss", "nc1", "equinorm", "equiangularity", "maxAngle", "selfDuality",
                                                      "lsDeviation", "gnc3", "classifierNorm", "trueClassOutput"};
  if (std::find(withTheory.begin(), withTheory.end(), key) == withTheory.end()) return std::nullopt;
  const neural::UfmSettings settings = ufmSettings(c);
  const auto steps = checkpoints(c.integer("steps"));
  const int trials = c.integer("trials"), classes = settings.classes;
  std::vector<double> mean(steps.size(), 0.0);
  for (int trial = 0; trial < trials; ++trial) {
    // The same initial state the simulation starts from: the stream (seed, trial) draws it first.
    Rng rng(static_cast<std::uint64_t>(c.number("seed")), static_cast<std::uint64_t>(trial));
    const neural::LastLayer start = neural::initialUfmState(settings, rng);
    const Eigen::MatrixXd centred0 = neural::centredMeans(neural::classMeans(start.features, classes, settings.perClass));
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const auto state = theory::centralPathAt(centred0, settings.learningRate * steps[k], settings.perClass);
      const Eigen::VectorXd& w = state.snr;
      double value = 0;
      if (key == "loss") value = 0.5 * ((w.array().square() + classes).inverse().sum() + (classes - 1 - w.size()) / double(classes));
      else if (key == "nc1") value = w.array().square().inverse().sum();
      else if (key == "equinorm") value = neural::equinorm(state.centredMeans);
      else if (key == "equiangularity") value = neural::equiangularity(state.centredMeans);
      else if (key == "maxAngle") value = neural::maxAngle(state.centredMeans);
      else if (key == "selfDuality") value = neural::selfDuality(state.classifier, state.centredMeans);
      else if (key == "lsDeviation") value = 0;
      else if (key == "gnc3") value = neural::gnc3(state.classifier, state.centredMeans);
      else if (key == "classifierNorm") value = state.classifier.squaredNorm() / classes;
      else value = (1.0 + (w.array().square() / (w.array().square() + classes)).sum()) / classes;  // trueClassOutput
      mean[k] += value / trials;
    }
  }
  return mean;
}

std::vector<ReferenceLine> NeuralCollapse::referenceLinesFor(const Config& c, const std::string&, const std::string& key) const {
  const std::string& loss = c.choice("loss");
  const int classes = c.integer("classes"), d = c.integer("featureDim");
  if (c.choice("model") != "ufm") return {};
  if (key == "gnc2") {
    if (loss == "spherical-ce") {
      if (auto optimum = theory::gnc2Optimum(classes, d)) return {{"softmax-code optimum", *optimum}};
      return {};
    }
    if (centralPath(c) || snrProduct(c) * classes >= 1) return {};
    if (loss == "mse-nobias") return d >= classes ? std::vector<ReferenceLine>{{"orthogonal frame √(C/(C−1))", std::sqrt(classes / (classes - 1.0))}}
                                                  : std::vector<ReferenceLine>{};
    if (d >= classes - 1) return {{"simplex C/(C−1)", classes / (classes - 1.0)}};
    return {};
  }
  if (loss == "spherical-ce" || centralPath(c)) return {};
  if ((loss == "mse-nobias" && d < classes) || d < classes - 1) return {};
  const auto optimum = theory::ufmOptimum(loss, classes, c.integer("samplesPerClass"), c.number("weightDecay"), c.number("featureDecay"));
  if (key == "loss") return {{optimum.zero ? "f* (W = H = 0)" : "f* (closed form)", optimum.objective}};
  if (key == "classifierNorm") return {{"optimum ‖w‖²", optimum.classifierNorm}};
  if (key == "featureNorm") return {{"optimum ‖h‖²", optimum.featureNorm}};
  if (key == "trueClassOutput") return {{loss == "ce" ? "optimum 1 − (C−1)s" : loss == "mse" ? "optimum 1 − (C−1)s" : "optimum 1 − Cs",
                                         optimum.trueClassOutput}};
  if (key == "selfDuality" && loss == "mse-nobias" && !optimum.zero)
    return {{"orthogonal frame 2 − 2√((C−1)/C)", 2 - 2 * std::sqrt((classes - 1.0) / classes)}};
  return {};
}

}  // namespace collapse
