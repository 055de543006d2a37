#include "collapse/neural/softmax.hpp"

#include "collapse/simd/vector_math.hpp"

namespace collapse::neural {

void columnSoftmax(const Eigen::MatrixXd& z, Eigen::MatrixXd& p, Eigen::VectorXd& logPartition) {
  const Eigen::Index cols = z.cols();
  p.resize(z.rows(), cols);
  logPartition.resize(cols);
  for (Eigen::Index i = 0; i < cols; ++i) {
    logPartition[i] = z.col(i).maxCoeff();  // the column's maximum until the end
    p.col(i) = z.col(i).array() - logPartition[i];
  }
  simd::expArray(p.data(), p.data(), static_cast<std::size_t>(p.size()));  // column-major: one contiguous array
  Eigen::VectorXd logTotals(cols);
  for (Eigen::Index i = 0; i < cols; ++i) {
    logTotals[i] = p.col(i).sum();
    p.col(i) /= logTotals[i];
  }
  simd::logArray(logTotals.data(), logTotals.data(), static_cast<std::size_t>(cols));
  for (Eigen::Index i = 0; i < cols; ++i) logPartition[i] = logTotals[i] + logPartition[i];
}

}  // namespace collapse::neural
