#include "collapse/theory/replace_accumulate.hpp"

#include <cmath>

namespace collapse::theory {

double olsError(int dim, int samples, double noise) {
  return noise * noise * dim / static_cast<double>(samples - dim - 1);
}

std::vector<double> replaceOls(int dim, int samples, double noise, int generations) {
  std::vector<double> error(generations);
  for (int n = 1; n <= generations; ++n) error[n - 1] = n * olsError(dim, samples, noise);
  return error;
}

std::vector<double> accumulateOls(int dim, int samples, double noise, int generations) {
  std::vector<double> error(generations);
  double inverseSquares = 0.0;
  for (int n = 1; n <= generations; ++n) {
    inverseSquares += 1.0 / (static_cast<double>(n) * n);
    error[n - 1] = inverseSquares * olsError(dim, samples, noise);
  }
  return error;
}

double accumulateBound(int dim, int samples, double noise) {
  const double pi = 3.14159265358979323846;
  return pi * pi / 6.0 * olsError(dim, samples, noise);
}

}  // namespace collapse::theory
