#pragma once
/// @file hull_distance.hpp
/// The distance from a point to the convex hull of a few others: the small quadratic programme behind Jiang
/// et al.'s GNC2 (docs/theory/neural-collapse.md, "Metrics"):
///   dist(p, conv{v_1..v_k}) = min over α in the probability simplex Δ_k of ‖p − Σ_j α_j v_j‖.
#include <Eigen/Dense>

namespace collapse::neural {

/// Wolfe's minimum-norm-point algorithm (P. Wolfe, "Finding the nearest point in a polytope", Math. Programming
/// 11, 1976): an active set of affinely independent vertices, exact in finitely many steps. Stops when the
/// optimality gap ‖x‖² − min_j xᵀ(v_j − p), relative to max_j ‖v_j − p‖², is below `tolerance`. `vertices` is d × k.
double distanceToHull(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices, double tolerance = 1e-15);

/// The same by brute force: the least-norm point of the affine hull of every non-empty subset of the vertices,
/// kept when its weights are non-negative (a face of the hull). Exponential in k: a test reference for k ≤ 10.
double distanceToHullBruteForce(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices);

}  // namespace collapse::neural
