#pragma once
/// @file kernel_chain_design.hpp
/// The MNIST side of "kernel-chain": digits as rows of pixels in [0, 1], their targets, the kernel a config asks
/// for, and the fixed design's eigendecomposition, computed once per (kernel, sizes, target, dataset) and cached.
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "collapse/catalogue/config.hpp"
#include "collapse/linalg/kernels.hpp"
#include "collapse/theory/kernel_chain_theory.hpp"

namespace collapse::kernel_chain {

/// A digit: its class and its position within the class in the package's order.
struct DigitIndex {
  int digit, index;
};

/// The first `perClass` digits of every class starting at position `offset` (class-major).
std::vector<DigitIndex> firstOfEachClass(int perClass, int offset);

/// Pixel rows (784 values in [0, 1]) of the digits.
Eigen::MatrixXd digitRows(const std::vector<DigitIndex>& digits);

/// Targets: parity (one column, +1 odd, −1 even) or one-hot (10 columns).
Eigen::MatrixXd digitTargets(const std::vector<DigitIndex>& digits, const std::string& target);

/// The config's kernel; an RBF bandwidth of 0 means the median rule on `trainRows`.
KernelSpec kernelOf(const Config& config, const Eigen::MatrixXd& trainRows);

/// The fixed design of a config: training digits, its kernel's eigendecomposition and the test side.
struct FixedDesign {
  theory::KernelChainDesign chain;
  Eigen::MatrixXd eigenvectors;  ///< V (T × T)
  double bandwidth = 0;           ///< the RBF bandwidth used (after the median rule)
};

/// Cached per (kernel, bandwidth, degree, samples, testSamples, target) and dataset generation.
std::shared_ptr<const FixedDesign> fixedDesign(const Config& config);

}  // namespace collapse::kernel_chain
