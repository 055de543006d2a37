#pragma once
/// @file collapse_metrics.hpp
/// The neural-collapse metrics of a network's last layer (docs/theory/neural-collapse.md, "Metrics"):
/// Papyan, Han & Donoho 2020 (PNAS 117(40), arXiv 2008.08186) NC1–NC4, Han, Papyan & Donoho 2022 (ICLR,
/// arXiv 2106.02073) the least-squares deviation, Jiang et al. 2024 (ICML, arXiv 2310.05351) GNC2/GNC3.
///
/// Conventions (those of the reference codes): samples are ordered by class, n per class (sample i has class
/// ⌊i/n⌋); covariances are normalised by N = Cn; μ_G is the mean of the class means and every norm, cosine
/// and NC3 uses the centred means M̄ = M − μ_G1ᵀ; standard deviations are unbiased (ddof = 1, torch.std).
#include <Eigen/Dense>

namespace collapse::neural {

/// A last layer: features H (d × N, column i = sample i), classifier W (C × d, row c = class c), bias b (C).
struct LastLayer {
  Eigen::MatrixXd features;
  Eigen::MatrixXd classifier;
  Eigen::VectorXd bias;
  int perClass = 0;
  int classes() const { return static_cast<int>(classifier.rows()); }
};

/// Uncentred class means M (d × C).
Eigen::MatrixXd classMeans(const Eigen::MatrixXd& features, int classes, int perClass);

/// Globally centred class means M̄ = M − μ_G1ᵀ, μ_G the mean of the columns of M.
Eigen::MatrixXd centredMeans(const Eigen::MatrixXd& means);

/// NC1 = Tr(Σ_W Σ_B†)/C by the C × C route: with G = M̄ᵀM̄ and K = M̄ᵀΣ_W M̄ = (1/N)Σ_i (M̄ᵀz_i)(M̄ᵀz_i)ᵀ,
/// z_i = h_i − μ_{y_i}, NC1 = Tr(G†G†K), since Σ_B† = C·M̄(G†)²M̄ᵀ. G† from G's eigendecomposition with
/// relative tolerance 1e-10·λ_max, so it also holds when rank M̄ < C − 1 (d < C − 1). Cost O(NdC + C³).
/// NaN when M̄ = 0.
double nc1(const Eigen::MatrixXd& features, int classes, int perClass);

/// The same through an explicit d × d pseudo-inverse of Σ_B (SVD, the same relative tolerance): a test reference.
double nc1ExplicitPseudoInverse(const Eigen::MatrixXd& features, int classes, int perClass);

/// NC2 equinorm: std_c ‖m̄_c‖ / mean_c ‖m̄_c‖ (ddof = 1), Papyan's CoV of the centred-mean norms.
double equinorm(const Eigen::MatrixXd& centred);

/// Pairwise cosines of the columns of `vectors` (C × C).
Eigen::MatrixXd cosines(const Eigen::MatrixXd& vectors);

/// NC2 equiangularity: std over the C(C−1)/2 unordered pairs of cos(m̄_c, m̄_c') (ddof = 1; 0 when C = 2).
double equiangularity(const Eigen::MatrixXd& centred);

/// NC2 max-angle: mean over ordered pairs c ≠ c' of |cos(m̄_c, m̄_c') + 1/(C − 1)|.
double maxAngle(const Eigen::MatrixXd& centred);

/// NC3 self-duality: ‖Wᵀ/‖W‖_F − M̄/‖M̄‖_F‖_F², squared as in Papyan's code.
double selfDuality(const Eigen::MatrixXd& classifier, const Eigen::MatrixXd& centred);

/// NC4: the share of samples whose classifier decision argmax_c (Wh_i + b)_c differs from the nearest class
/// mean argmin_c ‖h_i − μ_c‖ (training set).
double nccMismatch(const LastLayer& layer);

/// The share of samples misclassified by argmax_c (Wh_i + b)_c.
double trainError(const LastLayer& layer);

/// Han et al.'s term L_⊥ (term B): ½ tr((Θ − Θ_LS) A (Θ − Θ_LS)ᵀ) for the MSE objective
/// (1/2N)‖WH + b1ᵀ − Y‖² + (λ_W/2)‖W‖² (unregularised bias, or no bias): Θ = [W b], X̃ = [H; 1ᵀ],
/// A = X̃X̃ᵀ/N + diag(λ_W I, 0), Θ_LS = (YX̃ᵀ/N) A⁻¹ — the part of the loss that the classifier's distance from the
/// least-squares classifier for the current features adds.
double lsDeviation(const LastLayer& layer, double weightDecay, bool useBias);

/// The least-squares classifier [W_LS b_LS] of the features for that objective (C × (d + 1), or C × d without bias).
Eigen::MatrixXd leastSquaresClassifier(const Eigen::MatrixXd& features, int perClass, int classes, double weightDecay, bool useBias);

/// GNC2 (Jiang et al.): min_k dist(w̃_k, conv{w̃_j, j ≠ k}) of the L2-normalised classifier rows, by the QP of
/// hull_distance.hpp. Increases to its optimum (the "softmax code").
double gnc2(const Eigen::MatrixXd& classifier);

/// GNC3 (Jiang et al.): (1/C) Σ_k (1 − cos∠(w_k, m̄_k)).
double gnc3(const Eigen::MatrixXd& classifier, const Eigen::MatrixXd& centred);

}  // namespace collapse::neural
