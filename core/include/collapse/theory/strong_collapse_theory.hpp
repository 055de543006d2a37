#pragma once
/// @file strong_collapse_theory.hpp
/// Test error of ridge regression on a mix of real and synthetic labels (Dohmatob, Feng, Subramonian & Kempe,
/// "Strong Model Collapse", ICLR 2025, arXiv 2410.04840; docs/theory/strong-collapse.md §3–5).
/// n samples, n₂ = p₂·n of them labelled by w₂ = w₁ + δ with δ ~ N(0, (c²/d)·Σ⁻¹), so E‖δ‖²_Σ = c² (the
/// "quality"); the rest by w₁. Everything is written for that Δ = (c²/d)·Σ⁻¹, which turns the traces of
/// Theorem 1 into degrees of freedom: tr(ΔΣ³(Σ+κ)⁻²) = (c²/d)·df₂ and tr(ΔΣ(p₁Σ+κ)²(Σ+κ)⁻²) = (c²/d)·Σ(p₁s+κ)²/(s+κ)².
#include <Eigen/Dense>

namespace collapse::theory {

struct MixtureSetting {
  Eigen::VectorXd spectrum;      ///< s_j (eigenvalues of Σ)
  Eigen::VectorXd truthSquared;  ///< c_j² of w₁ in Σ's eigenbasis
  double samples;                ///< n
  double syntheticFraction;      ///< p₂ = n₂/n
  double quality;                ///< c² = E‖δ‖²_Σ
  double noise;                  ///< σ
  double lambda;                 ///< ridge, per-sample
};

/// B (clean bias), V (clean variance) and ζ (the whole price of the synthetic data).
struct MixtureError {
  double bias, variance, synthetic;
  double total() const { return bias + variance + synthetic; }
};

/// Theorem 1 (classical model), any diagonal Σ: with κ, df₂ of n samples and u = df₂/(n − df₂),
///   B = (1+u)κ²·Σ c_j² s_j/(s_j+κ)²,  V = σ²u,
///   ζ = p₂²(1 + p₁u)·(c²/d)·df₂ + p₂u·(c²/d)·Σ (p₁s_j + κ)²/(s_j + κ)².
/// For λ = 0 and n ≥ d + 2, u takes its exact finite-n value d/(n − d − 1) (docs/theory/strong-collapse.md §3, ridgeless corollary).
MixtureError classicalMixtureError(const MixtureSetting& setting);

/// The n → ∞ floor (docs/theory/strong-collapse.md §4): λ²·Σ c_j² s_j/(s_j+λ)² + p₂²·(c²/d)·Σ s_j²/(s_j+λ)² (p₂²c² at λ = 0).
double classicalFloor(const MixtureSetting& setting);

/// The floor with the best λ (isotropic, n → ∞): λ* = p₂²c²/r² gives p₂²c²·r²/(r² + p₂²c²).
double bestRidgeFloor(double signalSquared, double syntheticFraction, double quality);

/// Random-projections model f(x) = vᵀSx, S ∈ ℝ^{m×d} with N(0, 1/d) entries, conditional on S (docs/theory/strong-collapse.md §5.1):
/// Theorem 1 in feature space F = SΣSᵀ, where what the features cannot represent acts as label noise.
/// `projection` is S; the other fields as for the classical model.
MixtureError randomProjectionErrorGivenS(const Eigen::MatrixXd& projection, const MixtureSetting& setting);

/// The same for Σ = I averaged over S, in Marchenko–Pastur form (docs/theory/strong-collapse.md §5.2), by Gauss–Chebyshev
/// quadrature after x = (a+b)/2 + (b−a)/2·cos θ. The split: bias = clean part without label noise, variance =
/// σ²u, synthetic = the rest.
MixtureError randomProjectionErrorIsotropic(double dim, double width, double signalSquared, const MixtureSetting& setting);

}  // namespace collapse::theory
