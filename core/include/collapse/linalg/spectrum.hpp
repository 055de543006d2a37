#pragma once
/// @file spectrum.hpp
/// Input distributions x ~ N(0, Σ) with Σ diagonal: every experiment works in Σ's eigenbasis, so Σ is its
/// eigenvalues s_1 ≥ … ≥ s_d, and the ground truth w* is a vector of coordinates in that basis.
#include <string>

#include <Eigen/Dense>

namespace collapse {

/// Eigenvalues of Σ. "isotropic": s_j = 1 (Σ = I). "power": s_j = j^(−β) with β = `decay` — the capacity
/// condition of Dohmatob, Feng & Kempe 2024, section 4 (docs/theory/recursive-regression.md §4).
Eigen::VectorXd makeSpectrum(const std::string& kind, int dim, double decay);

/// Ground truth w* with ‖w*‖ = `signal`, spread evenly over the eigen-directions: c_j² = signal² / d.
/// Deterministic, so the theory (which needs the c_j²) and the simulation see the same w*.
Eigen::VectorXd makeGroundTruth(int dim, double signal);

/// Excess test risk ‖δ‖²_Σ = Σ_j s_j δ_j²: the test error E_x[(xᵀŵ − xᵀw*)²] of δ = ŵ − w*, exact for a
/// Gaussian test distribution, without test-label noise (docs/theory/recursive-regression.md §1).
double excessRisk(const Eigen::VectorXd& delta, const Eigen::VectorXd& spectrum);

}  // namespace collapse
