#include "collapse/experiments/kde_datasets.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>
#include <stdexcept>

namespace collapse {

namespace {
constexpr double kPi = 3.14159265358979323846;

/// numpy.linspace(start, stop, count, endpoint).
double linspace(double start, double stop, int count, int i, bool endpoint) {
  const int intervals = endpoint ? count - 1 : count;
  return intervals <= 0 ? start : start + (stop - start) * i / intervals;
}
}  // namespace

KdeDataset::KdeDataset(const std::string& name, double noise, NormalSampler&, Rng& rng) : name_(name), noise_(noise) {
  if (name != "blobs" && name != "circles" && name != "moons" && name != "swissRoll")
    throw std::invalid_argument("unknown dataset '" + name + "'");
  for (int c = 0; c < 3; ++c)
    for (int j = 0; j < 2; ++j) centres_(c, j) = -10.0 + 20.0 * rng.uniform();
}

Eigen::MatrixXd KdeDataset::sample(int n, NormalSampler& normal, Rng& rng) const {
  Eigen::MatrixXd points(n, dimension());
  if (name_ == "blobs") {
    for (int i = 0; i < n; ++i) {
      const int c = i % 3;  // counts ⌊n/3⌋ (+1 for the first n mod 3 centres); order is irrelevant to a KDE
      for (int j = 0; j < 2; ++j) points(i, j) = centres_(c, j) + normal();
    }
    return points;
  }
  const int outer = n / 2, inner = n - outer;
  if (name_ == "circles" || name_ == "moons") {
    const bool circles = name_ == "circles";
    for (int i = 0; i < n; ++i) {
      const bool isOuter = i < outer;
      const int k = isOuter ? i : i - outer;
      const double theta = circles ? linspace(0.0, 2.0 * kPi, isOuter ? outer : inner, k, false)
                                   : linspace(0.0, kPi, isOuter ? outer : inner, k, true);
      if (circles) {
        const double radius = isOuter ? 1.0 : 0.8;
        points(i, 0) = radius * math::cos(theta);
        points(i, 1) = radius * math::sin(theta);
      } else {
        points(i, 0) = isOuter ? math::cos(theta) : 1.0 - math::cos(theta);
        points(i, 1) = isOuter ? math::sin(theta) : 0.5 - math::sin(theta);
      }
    }
  } else {  // swiss roll
    for (int i = 0; i < n; ++i) {
      const double t = 1.5 * kPi * (1.0 + 2.0 * rng.uniform());
      points(i, 0) = t * math::cos(t);
      points(i, 1) = 21.0 * rng.uniform();
      points(i, 2) = t * math::sin(t);
    }
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < points.cols(); ++j) points(i, j) += noise_ * normal();
  return points;
}

}  // namespace collapse
