#include "collapse/linalg/gaussian_design.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace collapse {

Eigen::MatrixXd sampleGaussianRows(int rows, const Eigen::VectorXd& spectrum, NormalSampler& normal) {
  const Eigen::Index dim = spectrum.size();
  Eigen::MatrixXd x(rows, dim);
  // Row by row, so that the stream order (and hence every result) does not depend on the storage order.
  for (int i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < dim; ++j) x(i, j) = normal();
  x *= spectrum.cwiseSqrt().asDiagonal();
  return x;
}

Eigen::MatrixXd sampleBartlettFactor(int dim, int degrees, NormalSampler& normal, Rng& rng) {
  if (degrees < 1) throw std::invalid_argument("sampleBartlettFactor: needs degrees >= 1");
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(dim, dim);
  for (int i = 0; i < dim; ++i) {
    // Rank-deficient case (degrees < dim): only the first `degrees` columns are non-zero (see the header).
    for (int j = 0; j < std::min(i, degrees); ++j) a(i, j) = normal();
    if (i < degrees) a(i, i) = std::sqrt(sampleChiSquare(static_cast<double>(degrees - i), normal, rng));
  }
  return a;
}

}  // namespace collapse
