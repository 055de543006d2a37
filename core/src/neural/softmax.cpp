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
  Eigen::VectorXd totals(cols);  // Σ_k e^(z_ki − max), then its logarithm
  for (Eigen::Index i = 0; i < cols; ++i) {
    totals[i] = p.col(i).sum();
    p.col(i) /= totals[i];
  }
  simd::logArray(totals.data(), totals.data(), static_cast<std::size_t>(cols));
  for (Eigen::Index i = 0; i < cols; ++i) logPartition[i] = totals[i] + logPartition[i];
}

}  // namespace collapse::neural
