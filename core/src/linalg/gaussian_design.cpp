#include "collapse/linalg/gaussian_design.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace collapse {

Eigen::MatrixXd sampleGaussianRows(int rows, const Eigen::VectorXd& spectrum, NormalSampler& normal) {
  const Eigen::Index dim = spectrum.size();
  // Row by row, so that the stream order (and hence every result) does not depend on the storage order; the
  // batched sampler gives the same numbers as one call per entry. The draws are left uninitialised before the
  // fill, and each entry is scaled by √s_j (computed once per column) as it is copied: one multiplication per
  // entry, the same bits as copying first and scaling after.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> draws(rows, dim);
  normal.fill(draws.data(), static_cast<std::size_t>(draws.size()));
  const Eigen::VectorXd scale = spectrum.cwiseSqrt();
  Eigen::MatrixXd x(rows, dim);
  x.noalias() = draws * scale.asDiagonal();
  return x;
}

Eigen::MatrixXd sampleBartlettFactor(int dim, int degrees, NormalSampler& normal, Rng& rng) {
  Eigen::MatrixXd a;
  sampleBartlettFactor(dim, degrees, normal, rng, a);
  return a;
}

void sampleBartlettFactor(int dim, int degrees, NormalSampler& normal, Rng& rng, Eigen::MatrixXd& a) {
  if (degrees < 1) throw std::invalid_argument("sampleBartlettFactor: needs degrees >= 1");
  a.setZero(dim, dim);
  for (int i = 0; i < dim; ++i) {
    // Rank-deficient case (degrees < dim): only the first `degrees` columns are non-zero (see the header).
    const int below = std::min(i, degrees);
    // Row i's `below` normals are drawn in one batch (the same numbers as `below` calls of normal()) into column
    // i above the diagonal — contiguous in column-major storage, and zero in the factor — then moved to their
    // places in row i: no scratch buffer.
    double* above = a.col(i).data();
    normal.fill(above, static_cast<std::size_t>(below));
    for (int j = 0; j < below; ++j) {
      a(i, j) = above[j];
      above[j] = 0.0;
    }
    if (i < degrees) a(i, i) = std::sqrt(sampleChiSquare(static_cast<double>(degrees - i), normal, rng));
  }
}

}  // namespace collapse
