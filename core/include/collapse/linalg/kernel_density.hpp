#pragma once
/// @file kernel_density.hpp
/// Gaussian kernel density estimation as scikit-learn's KernelDensity(kernel="gaussian", bandwidth=h)
/// (docs/theory/generative.md §5): p̂(x) = (1/n)·Σ_i (2πh²)^(−D/2)·exp(−‖x − x_i‖²/(2h²)).
#include <string>

#include <Eigen/Dense>

#include "collapse/random/samplers.hpp"

namespace collapse {

/// −(1/N)·Σ_k log p̂(x_k) over the rows of `test`, each log p̂ by log-sum-exp (no underflow far from the data).
double meanNegativeLogLikelihood(const Eigen::MatrixXd& centres, double bandwidth, const Eigen::MatrixXd& test);

/// The likelihood of fixed test points under a KDE whose centres only grow (accumulate with a fixed bandwidth):
/// each test point keeps log Σ_i exp(−‖x − x_i‖²/(2h²)) and merges new centres in, so a generation costs
/// O(test × new centres) instead of O(test × all centres).
class GrowingKernelDensity {
 public:
  GrowingKernelDensity(const Eigen::MatrixXd& test, double bandwidth);
  void add(const Eigen::MatrixXd& centres);
  double meanNegativeLogLikelihood() const;

 private:
  Eigen::MatrixXd test_;
  double bandwidth_;
  double centres_ = 0.0;
  Eigen::VectorXd logSums_;
};

/// `count` draws from the KDE: a uniformly chosen centre plus N(0, h²I) — a bootstrap with jitter.
Eigen::MatrixXd sampleKernelDensity(const Eigen::MatrixXd& centres, double bandwidth, int count, NormalSampler& normal,
                                    Rng& rng);

/// The bandwidth: `fixed` returns h; "scott" n^(−1/(D+4)) and "silverman" (n(D+2)/4)^(−1/(D+4)), scikit-learn's
/// rules, which (unlike scipy's) carry no data-scale factor.
double kernelBandwidth(const std::string& rule, double fixed, double points, double dimension);

}  // namespace collapse
