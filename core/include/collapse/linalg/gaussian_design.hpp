#pragma once
/// @file gaussian_design.hpp
/// Gaussian designs X ∈ ℝ^{T×d} with rows N(0, Σ), Σ = diag(s), drawn either explicitly or through their
/// sufficient statistics.
///
/// Sufficient statistics (docs/design.md §4, "Work scales with the algorithm"): with X = Z·D, D = diag(√s), Z standard
/// Gaussian, ZᵀZ ~ Wishart_d(T, I) = A·Aᵀ where A is the lower-triangular Bartlett factor (Bartlett 1933;
/// Anderson, "An Introduction to Multivariate Statistical Analysis", Thm 7.2.1): A_ii = √χ²_{T−i+1},
/// A_ij ~ N(0, 1) below the diagonal, all independent. So XᵀX = D·A·Aᵀ·D exactly in law, and for independent
/// noise e ~ N(0, I_T), Xᵀe given XᵀX is N(0, XᵀX) = D·A·z with z ~ N(0, I_d). Valid for T ≥ d.
/// For T < d (a singular Wishart) the same column-by-column argument applied to Z = Q·R (R upper trapezoidal,
/// T × d) gives ZᵀZ = RᵀR with Rᵀ lower trapezoidal: A_ii = √χ²_{T−i+1} for i ≤ T, A_ij ~ N(0, 1) for j < i and
/// j ≤ T, and columns T+1…d zero (docs/theory/generative.md §2, "Singular fits").
#include <Eigen/Dense>

#include "collapse/random/samplers.hpp"

namespace collapse {

/// T × d matrix with independent rows N(0, diag(spectrum)).
Eigen::MatrixXd sampleGaussianRows(int rows, const Eigen::VectorXd& spectrum, NormalSampler& normal);

/// Lower-triangular Bartlett factor A (d × d) with A·Aᵀ ~ Wishart_d(degrees, I), singular when degrees < d.
Eigen::MatrixXd sampleBartlettFactor(int dim, int degrees, NormalSampler& normal, Rng& rng);
/// The same draws into `a` (resized to d × d; its storage reused when it already has that size), for loops that
/// draw one factor per generation without allocating.
void sampleBartlettFactor(int dim, int degrees, NormalSampler& normal, Rng& rng, Eigen::MatrixXd& a);

}  // namespace collapse
