#pragma once
/// @file ridge_equivalents.hpp
/// Deterministic equivalents of ridge regression on Gaussian data with a diagonal covariance Σ = diag(s)
/// (docs/theory/recursive-regression.md §2), and the Dohmatob–Feng–Kempe collapse term built on them (§3).
/// Work in Σ's eigenbasis: only the eigenvalues s_j and the squared coordinates c_j² of w* are needed.
#include <Eigen/Dense>

namespace collapse::theory {

/// Effective regularisation κ and degrees of freedom df_m(κ) = Σ_j s_j^m / (s_j + κ)^m, m = 1, 2.
struct RidgeEquivalent {
  double kappa, df1, df2;
};

/// κ ≥ λ solving κ − λ = κ·df₁(κ)/T (unique: the left minus right side is convex, −λ at 0, → ∞).
/// λ = 0: κ = 0 when d ≤ T, else the root of df₁(κ) = T (the minimum-norm limit). Bisection to 1e-13 relative.
RidgeEquivalent solveRidgeEquivalent(const Eigen::VectorXd& spectrum, double lambda, double samples);

/// Test error of the downstream ridge model of Dohmatob, Feng & Kempe 2024 (NeurIPS), "Model Collapse
/// Demystified", split into its three parts: E_test ≈ Bias + Var + n·σ₀²·ρ (docs/theory/recursive-regression.md §3, B3):
///   Bias = κ²·Σ c_j² s_j/(s_j + κ)² / (1 − df₂/T),   Var = σ²·df₂/(T − df₂),
///   n·σ₀²·ρ = n·σ₀²/(T₀ − d − 1) · df₂·(T + d − 2·df₁)/(T − df₂).
/// The collapse factor 1/(T₀ − d − 1) is the exact inverse-Wishart mean of the OLS generators (T₀ ≥ d + 2).
struct ChainError {
  double bias, variance, collapse;
  double total() const { return bias + variance + collapse; }
};

struct ChainSetting {
  Eigen::VectorXd spectrum;      ///< s_j
  Eigen::VectorXd truthSquared;  ///< c_j² = (v_jᵀw*)²
  double lambda;                 ///< downstream ridge
  double samples;                ///< downstream T
  double noise;                  ///< downstream σ
  double generatorSamples;       ///< T₀
  double generatorNoise;         ///< σ₀
  double generations;            ///< n
};

/// B3: the deterministic equivalent for any diagonal spectrum; asymptotic (error O(1/d)) except the
/// inverse-Wishart factor. For λ = 0 and T ≥ d + 2 it returns the exact finite-T form B1 instead:
/// Var = σ²·d/(T − d − 1), Bias = 0, collapse = n·σ₀²·d/(T₀ − d − 1).
ChainError chainError(const ChainSetting& setting);

/// B4: the isotropic closed form (Σ = I, r² = ‖w*‖²), φ = d/T:
///   κ = ½(λ + φ − 1 + √((λ + φ − 1)² + 4λ)),  D = (1 + κ)² − φ,
///   E ≈ κ²r²/D + σ²φ/D + n·σ₀²·d/(T₀ − d − 1)·(1 − φ(1 − κ)/(1 + κ))/D.
ChainError isotropicChainError(double dim, double signalSquared, const ChainSetting& setting);

/// B5: over-parameterised generators (T₀ < d, min-norm refits, Σ = I, d ≥ T₀ + 2):
///   E‖ŵ_n − w*‖² = (r² + σ₀²·T₀·d/((d − T₀)(d − T₀ − 1)))·(1 − (T₀/d)ⁿ).
double overparameterisedGeneratorError(double dim, double generatorSamples, double generatorNoise,
                                       double signalSquared, double generations);

/// The λ that minimises chainError(...).total() over λ ∈ [1e-8, 1e4], by golden-section search on log λ
/// after a coarse scan (the curve is U-shaped, docs/theory/recursive-regression.md §3 B4). The setting's own λ is ignored.
double optimalRidge(ChainSetting setting);

}  // namespace collapse::theory
