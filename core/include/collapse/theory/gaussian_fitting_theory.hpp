#pragma once
/// @file gaussian_fitting_theory.hpp
/// Closed forms for a Gaussian refitted generation after generation on m samples of its predecessor
/// (docs/theory/generative.md §2–3): truth N(0, I_d); generation t = 1 fits the real data. Estimators: MLE (divide by m,
/// Kazdan et al.'s np.cov(bias=True)) or unbiased (divide by m − 1, Shumailov et al.). Each function returns the
/// values for t = 1..generations.
#include <string>
#include <vector>

namespace collapse::theory {

enum class Estimator { Mle, Unbiased };

/// E tr Σ̂_t / d. Replace: ((m−1)/m)^t (MLE) or 1 (unbiased: a martingale). Accumulate (pooled over t·m points):
/// Π_{k≤t}(1 − 1/(m k²)) (MLE, → sin(π/√m)/(π/√m)) or Π_{2≤k≤t}(1 − 1/(k(km − 1))) (unbiased).
std::vector<double> traceRatio(Estimator estimator, const std::string& workflow, int dim, int samples, int generations);

/// E‖μ̂_t‖². Replace: d(1 − r^t) (MLE, saturates) or t·d/m (unbiased, linear drift). Accumulate:
/// (d/m)·Σ_{k≤t} v_{k−1}/k² with v the trace ratio above (v₀ = 1): the π²/6 pathway.
std::vector<double> meanError(Estimator estimator, const std::string& workflow, int dim, int samples, int generations);

/// Accumulate-subsample, MLE: the exact recursions of docs/theory/generative.md §2 for (E‖μ̂_t‖², E tr Σ̂_t / d).
void subsampleMle(int dim, int samples, int generations, std::vector<double>& meanError, std::vector<double>& traceRatio);

/// Replace: E det Σ̂_t = (Π_{i=1}^{d} (m − i)/m)^t (MLE) or (Π_{i=1}^{d} (m − i)/(m − 1))^t (unbiased); m > d.
std::vector<double> determinantRatio(Estimator estimator, int dim, int samples, int generations);

/// Replace: E log det Σ̂_t = t·[Σ_{i=1}^{d} (ψ((m − i)/2) + log 2) − d·log k], k = m (MLE) or m − 1 (unbiased):
/// the robust statistic of a heavy-tailed product.
std::vector<double> logDeterminantRatio(Estimator estimator, int dim, int samples, int generations);

/// Replace, d = 1: E W₂²(N(μ̂_t, σ̂_t²), N(0, 1)) = E μ̂_t² + E σ̂_t² − 2·c^t + 1 with c = E√(χ²_{m−1}/k),
/// k = m (MLE) or m − 1 (unbiased: t/M + 2(1 − c_M^t)). Derived here from the moments of Shumailov et al.'s
/// recursion (docs/theory/generative.md §3); their paper states only the leading order, not this closed form.
std::vector<double> wassersteinReplace(Estimator estimator, int samples, int generations);

/// Digamma ψ(x), x > 0 (recurrence to x ≥ 10, then the asymptotic series: error below 1e-14).
double digamma(double x);

}  // namespace collapse::theory
