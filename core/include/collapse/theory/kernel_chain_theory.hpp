#pragma once
/// @file kernel_chain_theory.hpp
/// Exact expected test error of the kernel-ridge synthetic-data chain with a fixed design, given the inputs
/// (docs/theory/kernel-chain.md §2; the chain of Dohmatob, Feng & Kempe, "Model Collapse Demystified", NeurIPS 2024,
/// arXiv 2402.07712, with kernel ridge in place of linear regression).
///
/// With K = V diag(μ) Vᵀ (T training inputs), B = K_* V (N test inputs), a = VᵀY (real targets, q outputs),
/// generator factors g_i = μ_i/(μ_i + Tλ₀) and downstream factors h_i = 1/(μ_i + Tλ):
///   E_n = (1/N)‖B diag(h ∘ gⁿ) a − Y_test‖²_F + (σ₀² q/N) Σ_i ‖B_{:,i}‖² h_i² Σ_{j<n} g_i^{2j}.
#include <vector>

#include <Eigen/Dense>

namespace collapse::theory {

/// What the chain's error depends on, computed once per design.
struct KernelChainDesign {
  Eigen::VectorXd eigenvalues;    ///< μ (T), of K
  Eigen::MatrixXd testBasis;      ///< B = K_* V (N × T)
  Eigen::VectorXd testWeights;    ///< ‖B_{:,i}‖² (T)
  Eigen::MatrixXd coefficients;   ///< a = VᵀY_train (T × q)
  Eigen::MatrixXd testTargets;    ///< Y_test (N × q)
};

/// The generators' factors g (λ₀ = 0: 1, the interpolating generator) and the downstream factors h, for T rows.
Eigen::VectorXd generatorFactors(const Eigen::VectorXd& eigenvalues, double rows, double generatorRidge);
Eigen::VectorXd downstreamFactors(const Eigen::VectorXd& eigenvalues, double rows, double ridge);

/// (1/N)‖B·W_k − Y_test‖²_F for every block W_k of q columns of `stacked` (T × q·blocks): all blocks in one product,
/// so that B, far larger than the cache, is read once (a matrix-vector product is bound by memory, not by lanes).
/// Each entry of B·W_k is the same sum as a product of B with W_k alone would form (simd/matrix_kernels.hpp).
std::vector<double> blockTestErrors(const KernelChainDesign& design, const Eigen::MatrixXd& stacked);

/// E_n for n = 0 … generations (bias + noise) with noise σ₀ (generatorNoise).
Eigen::VectorXd kernelChainError(const KernelChainDesign& design, double ridge, double generatorRidge, double generatorNoise,
                                 int generations);

}  // namespace collapse::theory
