#pragma once
/// @file hull_distance.hpp
/// The distance from a point to the convex hull of a few others: the small quadratic programme behind Jiang
/// et al.'s GNC2 (docs/theory/neural-collapse.md, "GNC2"):
///   dist(p, conv{v_1..v_k}) = min over α in the probability simplex Δ_k of ‖p − Σ_j α_j v_j‖.
#include <Eigen/Dense>

namespace collapse::neural {

/// Accelerated projected gradient (FISTA with adaptive restart; Beck & Teboulle 2009) on α ∈ Δ_k, the
/// Euclidean projection onto the simplex by sorting (Duchi et al., ICML 2008). Stops when the Frank–Wolfe
/// gap — an upper bound on ½‖p − Vα‖² − its minimum — falls below `gapTolerance` (or after 5000 iterations). `vertices` is d × k.
double distanceToHull(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices, double gapTolerance = 1e-13);

/// The same by brute force: the least-norm point of the affine hull of every non-empty subset of the vertices,
/// kept when its weights are non-negative (a face of the hull). Exponential in k: a test reference for k ≤ 10.
double distanceToHullBruteForce(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices);

/// Euclidean projection of `v` onto the probability simplex {α ≥ 0, Σα = 1}.
Eigen::VectorXd projectOntoSimplex(const Eigen::VectorXd& v);

}  // namespace collapse::neural
