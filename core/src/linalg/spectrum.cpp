#include "collapse/linalg/spectrum.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>
#include <stdexcept>

namespace collapse {

Eigen::VectorXd makeSpectrum(const std::string& kind, int dim, double decay) {
  Eigen::VectorXd s(dim);
  if (kind == "isotropic") {
    s.setOnes();
  } else if (kind == "power") {
    for (int j = 0; j < dim; ++j) s[j] = math::pow(static_cast<double>(j + 1), -decay);
  } else {
    throw std::invalid_argument("unknown spectrum '" + kind + "'");
  }
  return s;
}

Eigen::VectorXd makeGroundTruth(int dim, double signal) {
  return Eigen::VectorXd::Constant(dim, signal / std::sqrt(static_cast<double>(dim)));
}

double excessRisk(const Eigen::VectorXd& delta, const Eigen::VectorXd& spectrum) {
  return (spectrum.array() * delta.array().square()).sum();
}

}  // namespace collapse
