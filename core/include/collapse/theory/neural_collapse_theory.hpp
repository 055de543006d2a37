#pragma once
/// @file neural_collapse_theory.hpp
/// Closed forms of the unconstrained-features model (docs/theory/neural-collapse.md, "Closed-form optima" and
/// "The central path"). s = √(n λ_W λ_H).
///  * ce (Zhu et al. 2021, arXiv 2105.02375): p = ‖w‖‖h‖ = ((C−1)/C) ln(1/s − (C−1)), ‖w‖² = p√(nλ_H/λ_W),
///    ‖h‖² = p√(λ_W/(nλ_H)), softmax 1 − (C−1)s on the true class, f* = ln(1 + (C−1)e^{−pC/(C−1)}) + Csp.
///  * mse, unregularised bias: ‖w‖² = ((C−1)/C)(1 − Cs)√(nλ_H/λ_W), output 1 − (C−1)s, f* = (C−1)(s − Cs²/2).
///  * mse-nobias (orthogonal frame, d ≥ C): ‖w‖² = (1 − Cs)√(nλ_H/λ_W), output 1 − Cs, f* = C(s − Cs²/2),
///    Papyan NC3 → 2 − 2√((C−1)/C).
///  * s ≥ 1/C: W = H = 0; f* = ln C (ce), (C−1)/(2C) (mse, b = 1/C), 1/2 (mse-nobias).
///  * Central path (Han, Papyan & Donoho 2022, arXiv 2106.02073): with S = Σ_W^{-1/2}M̄ = U diag(ω) Vᵀ, the
///    projected gradient flow keeps U, V and moves each ω_j by dω/dt = ω/(n(C + ω²)²), i.e.
///    n[C² ln ω + Cω² + ω⁴/4] = const + t; the LS loss is ½Σ_j 1/(C + ω_j²) and NC1 = Σ_j 1/ω_j².
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace collapse::theory {

struct UfmOptimum {
  double objective;        ///< f*
  double classifierNorm;   ///< ‖w_c‖² of every row
  double featureNorm;      ///< ‖h_i‖² of every feature
  double trueClassOutput;  ///< softmax probability (ce) or output (Wh + b)_y (mse) of the true class
  bool zero;               ///< s ≥ 1/C: the minimiser is W = H = 0
};

/// `loss` is "ce", "mse" or "mse-nobias".
UfmOptimum ufmOptimum(const std::string& loss, int classes, int perClass, double weightDecay, double featureDecay);

/// The GNC2 optimum (softmax code) of C unit vectors in R^d where a closed form is known: the simplex
/// C/(C − 1) (C ≤ d + 1), the regular C-gon 1 − cos(2π/C) (d = 2), the cross-polytope 1 (C = 2d), the
/// icosahedron 1 − 1/√5 (C = 12, d = 3); nullopt otherwise.
std::optional<double> gnc2Optimum(int classes, int featureDim);

/// ω(t)² of one central-path mode from ω(0)² = u0 after time t (Newton on u = ω²; docs/theory/neural-collapse.md, "The central path").
double centralPathSnrSquared(double u0, double t, int classes, int perClass);

/// The central path at time t from whitened centred means M̄(0) (d × C, Σ_W = I): M̄(t) = U diag(ω(t)) Vᵀ and
/// the least-squares classifier W_LS(t) = V diag(ω/(C + ω²)) Uᵀ.
struct CentralPathState {
  Eigen::MatrixXd centredMeans;  ///< M̄(t), d × C
  Eigen::MatrixXd classifier;    ///< W_LS(t), C × d
  Eigen::VectorXd snr;           ///< ω(t), the nonzero singular values
};
CentralPathState centralPathAt(const Eigen::MatrixXd& initialCentredMeans, double t, int perClass);

}  // namespace collapse::theory
