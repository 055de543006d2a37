#pragma once
/// @file real_vs_synthetic_theory.hpp
/// Exact test error of least squares on a mix of n_r real and n_s synthetic samples, where the synthetic labels
/// come from a generator ŵ₀ = w* + δ fitted beforehand, independently of the downstream data (docs/theory/
/// real-vs-synthetic.md; the mixture model of Dohmatob, Feng, Subramonyam & Kempe, "Strong Model Collapse", ICLR
/// 2025, arXiv 2410.04840, Theorem 1, here in its exact finite-sample form for λ = 0).
///
/// With n = n_r + n_s ≥ d + 2 Gaussian rows N(0, Σ), label noise σ on every row and E‖δ‖²_Σ = c²:
///   E‖ŵ − w*‖²_Σ = σ²·d/(n − d − 1) + (c²/d)·g(d, n_r, n_s),
///   g = [(n − 1)·E tr P² − E (tr P)²]/(n − d − 1),
/// where P = H_sᵀH_s is the synthetic block of a uniformly random n×d orthonormal frame H; its moments are those
/// of a uniformly random rank-d projection Π of ℝⁿ (E Π_ii² = d(d+2)/(n(n+2)), E Π_ij² = d(n−d)/(n(n−1)(n+2)),
/// E Π_iiΠ_jj = d(d(n+1)−2)/(n(n−1)(n+2)) for i ≠ j). Any Σ and any law of δ independent of the downstream data.
namespace collapse::theory {

/// g(d, n_r, n_s): the synthetic term per unit c²/d. Needs n_r + n_s ≥ d + 2.
double olsMixtureSyntheticFactor(double dim, double realSamples, double syntheticSamples);

/// The exact OLS mixture error above: variance σ²d/(n − d − 1) plus the synthetic term (c²/d)·g.
double olsMixtureError(double dim, double realSamples, double syntheticSamples, double noise, double quality);

/// c² = E‖ŵ₀ − w*‖²_Σ of an OLS generator fitted on T₀ ≥ d + 2 real samples with label noise σ: σ²d/(T₀ − d − 1)
/// (the inverse-Wishart mean E(XᵀX)⁻¹ = Σ⁻¹/(T₀ − d − 1)); its error law has covariance (c²/d)·Σ⁻¹.
double olsGeneratorQuality(double dim, double generatorSamples, double noise);

}  // namespace collapse::theory
