#pragma once
/// @file replace_accumulate.hpp
/// Closed forms for recursive OLS with a fixed design (Gerstgrasser et al. 2024, "Is Model Collapse
/// Inevitable?", arXiv 2404.01413; docs/theory/recursive-regression.md §5). Generation g = 1 is the fit on real
/// data. Each refit adds independent noise ε_j = (XᵀX)⁻¹Xᵀe_j with E‖ε_j‖²_Σ = σ²·d/(T−d−1) (inverse-Wishart
/// mean, needs T ≥ d + 2), for any Σ.
#include <vector>

namespace collapse::theory {

/// σ²·d/(T − d − 1): the test error of one OLS fit on T Gaussian samples in d dimensions.
double olsError(int dim, int samples, double noise);

/// Replace: e_n = Σ_{j≤n} ε_j, so E‖e_n‖²_Σ = n·σ²·d/(T−d−1). Values for n = 1..generations.
std::vector<double> replaceOls(int dim, int samples, double noise, int generations);

/// Accumulate: e_n = Σ_{j≤n} ε_j / j, so E‖e_n‖²_Σ = σ²·d/(T−d−1)·Σ_{i≤n} 1/i². Values for n = 1..generations.
std::vector<double> accumulateOls(int dim, int samples, double noise, int generations);

/// The accumulate bound (π²/6)·σ²·d/(T−d−1) that no number of generations exceeds.
double accumulateBound(int dim, int samples, double noise);

}  // namespace collapse::theory
