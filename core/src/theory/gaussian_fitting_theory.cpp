#include "collapse/theory/gaussian_fitting_theory.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>

namespace collapse::theory {

namespace {
double shrink(Estimator e, int m) { return e == Estimator::Mle ? (m - 1.0) / m : 1.0; }
double divisor(Estimator e, int m) { return e == Estimator::Mle ? m : m - 1.0; }
}  // namespace

double digamma(double x) {
  double result = 0.0;
  while (x < 10.0) {
    result -= 1.0 / x;
    x += 1.0;
  }
  const double f = 1.0 / (x * x);
  return result + math::log(x) - 0.5 / x -
         f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
}

std::vector<double> traceRatio(Estimator estimator, const std::string& workflow, int, int m, int generations) {
  std::vector<double> v(generations);
  double value = 1.0;
  for (int t = 1; t <= generations; ++t) {
    if (workflow == "replace") value *= shrink(estimator, m);
    else if (estimator == Estimator::Mle) value *= 1.0 - 1.0 / (m * static_cast<double>(t) * t);
    else if (t >= 2) value *= 1.0 - 1.0 / (t * (static_cast<double>(t) * m - 1.0));
    v[t - 1] = value;
  }
  return v;
}

std::vector<double> meanError(Estimator estimator, const std::string& workflow, int dim, int m, int generations) {
  std::vector<double> error(generations);
  if (workflow == "replace") {
    // Each refit's mean moves by N(0, Σ̂/m): E‖μ̂_t‖² = (d/m)·Σ_{s<t} E tr Σ̂_s/d.
    double sum = 0.0, trace = 1.0;
    for (int t = 1; t <= generations; ++t) {
      sum += trace;
      trace *= shrink(estimator, m);
      error[t - 1] = dim * sum / m;
    }
    return error;
  }
  const auto v = traceRatio(estimator, workflow, dim, m, generations);
  double sum = 0.0;
  for (int k = 1; k <= generations; ++k) {
    sum += (k == 1 ? 1.0 : v[k - 2]) / (static_cast<double>(k) * k);
    error[k - 1] = dim * sum / m;
  }
  return error;
}

void subsampleMle(int dim, int m, int generations, std::vector<double>& meanError, std::vector<double>& traceRatio) {
  meanError.assign(generations, 0.0);
  traceRatio.assign(generations, 0.0);
  const double d = dim;
  double p = (m - 1.0) / m * d, meanOfPool = d / m;  // p₁, M₁
  for (int t = 1; t <= generations; ++t) {
    const double n = static_cast<double>(t) * m;
    const double s = t == 1 ? p : (m - 1.0) / m * n / (n - 1.0) * p;
    const double eta = t == 1 ? 0.0 : p * (n - m) / (m * (n - 1.0));
    meanError[t - 1] = meanOfPool + eta;
    traceRatio[t - 1] = s / d;
    const double next = (t * p + (m - 1.0) / m * s) / (t + 1.0) + t / ((t + 1.0) * (t + 1.0)) * (s / m + eta);
    meanOfPool += (eta + s / m) / ((t + 1.0) * (t + 1.0));
    p = next;
  }
}

std::vector<double> determinantRatio(Estimator estimator, int dim, int m, int generations) {
  double factor = 1.0;
  for (int i = 1; i <= dim; ++i) factor *= (m - i) / divisor(estimator, m);
  std::vector<double> ratio(generations);
  for (int t = 1; t <= generations; ++t) ratio[t - 1] = math::pow(factor, t);
  return ratio;
}

std::vector<double> logDeterminantRatio(Estimator estimator, int dim, int m, int generations) {
  double step = -dim * math::log(divisor(estimator, m));
  for (int i = 1; i <= dim; ++i) step += digamma((m - i) / 2.0) + math::log(2.0);
  std::vector<double> value(generations);
  for (int t = 1; t <= generations; ++t) value[t - 1] = t * step;
  return value;
}

std::vector<double> wassersteinReplace(Estimator estimator, int m, int generations) {
  // E√(χ²_{m−1}) = √2·Γ(m/2)/Γ((m−1)/2).
  const double c = std::sqrt(2.0 / divisor(estimator, m)) * math::exp(math::lgamma(m / 2.0) - math::lgamma((m - 1.0) / 2.0));
  const auto mean = meanError(estimator, "replace", 1, m, generations);
  std::vector<double> w(generations);
  for (int t = 1; t <= generations; ++t)
    w[t - 1] = mean[t - 1] + math::pow(shrink(estimator, m), t) - 2.0 * math::pow(c, t) + 1.0;
  return w;
}

}  // namespace collapse::theory
