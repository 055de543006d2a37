#include "collapse/theory/ridge_equivalents.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>

namespace collapse::theory {

namespace {

double degreesOfFreedom(const Eigen::VectorXd& s, double kappa, int power) {
  return (s.array() / (s.array() + kappa)).unaryExpr([power](double v) { return math::powInt(v, power); }).sum();
}

/// Bisection of a function that is negative at lo and positive at hi.
template <typename F>
double bisect(F f, double lo, double hi) {
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) < 0.0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

RidgeEquivalent solveRidgeEquivalent(const Eigen::VectorXd& spectrum, double lambda, double samples) {
  const double dim = static_cast<double>(spectrum.size());
  double kappa = 0.0;
  if (lambda == 0.0) {
    if (dim > samples) {
      // df₁ falls from d at κ = 0 towards 0: bracket the root of df₁(κ) = T.
      const auto excess = [&](double k) { return samples - degreesOfFreedom(spectrum, k, 1); };
      double hi = spectrum.maxCoeff();
      while (excess(hi) < 0.0) hi *= 2.0;
      kappa = bisect(excess, 0.0, hi);
    }
  } else {
    const auto f = [&](double k) { return k - lambda - k * degreesOfFreedom(spectrum, k, 1) / samples; };
    double hi = lambda + 1.0 + spectrum.maxCoeff();
    while (f(hi) < 0.0) hi *= 2.0;
    kappa = bisect(f, lambda, hi);
  }
  return {kappa, degreesOfFreedom(spectrum, kappa, 1), degreesOfFreedom(spectrum, kappa, 2)};
}

ChainError chainError(const ChainSetting& c) {
  const double d = static_cast<double>(c.spectrum.size());
  const double collapseScale = c.generations * c.generatorNoise * c.generatorNoise / (c.generatorSamples - d - 1.0);
  if (c.lambda == 0.0 && c.samples >= d + 2.0)  // B1, exact
    return {0.0, c.noise * c.noise * d / (c.samples - d - 1.0), collapseScale * d};
  const auto [kappa, df1, df2] = solveRidgeEquivalent(c.spectrum, c.lambda, c.samples);
  const auto s = c.spectrum.array();
  const double bias = kappa * kappa * (c.truthSquared.array() * s / (s + kappa).square()).sum() / (1.0 - df2 / c.samples);
  const double variance = c.noise * c.noise * df2 / (c.samples - df2);
  const double collapse = collapseScale * df2 * (c.samples + d - 2.0 * df1) / (c.samples - df2);
  return {bias, variance, collapse};
}

ChainError isotropicChainError(double dim, double signalSquared, const ChainSetting& c) {
  const double phi = dim / c.samples, a = c.lambda + phi - 1.0;
  const double kappa = 0.5 * (a + std::sqrt(a * a + 4.0 * c.lambda));
  const double denominator = (1.0 + kappa) * (1.0 + kappa) - phi;
  const double collapseScale = c.generations * c.generatorNoise * c.generatorNoise * dim / (c.generatorSamples - dim - 1.0);
  return {kappa * kappa * signalSquared / denominator, c.noise * c.noise * phi / denominator,
          collapseScale * (1.0 - phi * (1.0 - kappa) / (1.0 + kappa)) / denominator};
}

double overparameterisedGeneratorError(double dim, double generatorSamples, double generatorNoise,
                                       double signalSquared, double generations) {
  const double noiseTerm =
      generatorNoise * generatorNoise * generatorSamples * dim / ((dim - generatorSamples) * (dim - generatorSamples - 1.0));
  return (signalSquared + noiseTerm) * (1.0 - math::pow(generatorSamples / dim, generations));
}

double optimalRidge(ChainSetting setting) {
  const auto error = [&](double logLambda) {
    setting.lambda = math::exp(logLambda);
    return chainError(setting).total();
  };
  // Coarse scan over 1e-8 … 1e4, then golden section around the best grid point.
  const double lo = math::log(1e-8), hi = math::log(1e4);
  const int steps = 96;
  int best = 0;
  double bestValue = error(lo);
  for (int i = 1; i <= steps; ++i) {
    const double value = error(lo + (hi - lo) * i / steps);
    if (value < bestValue) bestValue = value, best = i;
  }
  double a = lo + (hi - lo) * std::max(best - 1, 0) / steps, b = lo + (hi - lo) * std::min(best + 1, steps) / steps;
  const double ratio = 0.5 * (std::sqrt(5.0) - 1.0);
  double x1 = b - ratio * (b - a), x2 = a + ratio * (b - a), f1 = error(x1), f2 = error(x2);
  for (int i = 0; i < 80; ++i) {
    if (f1 < f2) {
      b = x2, x2 = x1, f2 = f1, x1 = b - ratio * (b - a), f1 = error(x1);
    } else {
      a = x1, x1 = x2, f1 = f2, x2 = a + ratio * (b - a), f2 = error(x2);
    }
  }
  return math::exp(0.5 * (a + b));
}

}  // namespace collapse::theory
