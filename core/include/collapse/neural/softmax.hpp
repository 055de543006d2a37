#pragma once
/// @file softmax.hpp
/// The softmax of every column of a logit matrix, for the cross-entropy losses of the unconstrained-features model
/// and the MLP (Papyan, Han & Donoho 2020, §2: P = softmax(Z), loss −log P_{y,i}).
#include <Eigen/Dense>

namespace collapse::neural {

/// p = softmax of each column of z, the column's maximum subtracted before exponentiating, and
/// logPartition[i] = log Σ_k e^(z_ki) (= log total + max), so that the cross-entropy of label y is
/// logPartition[i] − z(y, i). The exponentials and logarithms go through simd::expArray and simd::logArray (two
/// lanes, math::exp's and math::log's bits): one at a time they had been 45 % of neural-collapse's
/// generalized-collapse preset in WebAssembly.
void columnSoftmax(const Eigen::MatrixXd& z, Eigen::MatrixXd& p, Eigen::VectorXd& logPartition);

}  // namespace collapse::neural
