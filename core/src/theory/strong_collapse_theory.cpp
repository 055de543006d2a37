#include "collapse/theory/strong_collapse_theory.hpp"

#include <cmath>
#include <vector>

#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/theory/ridge_equivalents.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse::theory {

namespace {

/// Theorem 1's three terms for a spectrum s and target coordinates c² (V = σ²u with the setting's σ), and u.
struct TheoremOne {
  MixtureError error;
  double u;
};

TheoremOne theoremOne(const Eigen::VectorXd& s, const Eigen::VectorXd& truthSquared, double dim, const MixtureSetting& m,
                      bool exactOls) {
  const double p2 = m.syntheticFraction, p1 = 1.0 - p2, scale = m.quality / dim;
  double kappa, df2, u;
  if (exactOls) {
    kappa = 0.0;
    df2 = static_cast<double>(s.size());
    u = df2 / (m.samples - df2 - 1.0);
  } else {
    const auto equivalent = solveRidgeEquivalent(s, m.lambda, m.samples);
    kappa = equivalent.kappa;
    df2 = equivalent.df2;
    u = df2 / (m.samples - df2);
  }
  const auto sa = s.array();
  const double bias = (1.0 + u) * kappa * kappa * (truthSquared.array() * sa / (sa + kappa).square()).sum();
  const double mixed = ((p1 * sa + kappa) / (sa + kappa)).square().sum();
  const double synthetic = p2 * p2 * (1.0 + p1 * u) * scale * df2 + p2 * u * scale * mixed;
  return {{bias, m.noise * m.noise * u, synthetic}, u};
}

}  // namespace

MixtureError classicalMixtureError(const MixtureSetting& m) {
  const double d = static_cast<double>(m.spectrum.size());
  return theoremOne(m.spectrum, m.truthSquared, d, m, m.lambda == 0.0 && m.samples >= d + 2.0).error;
}

double classicalFloor(const MixtureSetting& m) {
  const auto s = m.spectrum.array();
  const double d = static_cast<double>(m.spectrum.size()), lambda = m.lambda, p2 = m.syntheticFraction;
  const double bias = lambda * lambda * (m.truthSquared.array() * s / (s + lambda).square()).sum();
  return bias + p2 * p2 * m.quality / d * (s / (s + lambda)).square().sum();
}

double bestRidgeFloor(double signalSquared, double syntheticFraction, double quality) {
  const double collapse = syntheticFraction * syntheticFraction * quality;
  return collapse * signalSquared / (signalSquared + collapse);
}

MixtureError randomProjectionErrorGivenS(const Eigen::MatrixXd& projection, const MixtureSetting& m) {
  const double d = static_cast<double>(m.spectrum.size());
  const Eigen::MatrixXd features = projection * m.spectrum.asDiagonal() * projection.transpose();  // F = SΣSᵀ
  const auto eigen = checkedEigen(features, "strong-collapse theory: eigen decomposition of F = SΣSᵀ");
  const double cutoff = 1e-10 * eigen.eigenvalues().maxCoeff();
  std::vector<Eigen::Index> kept;
  for (Eigen::Index j = 0; j < eigen.eigenvalues().size(); ++j)
    if (eigen.eigenvalues()[j] > cutoff) kept.push_back(j);
  const auto q = static_cast<Eigen::Index>(kept.size());
  Eigen::VectorXd f(q);
  Eigen::MatrixXd basis(eigen.eigenvectors().rows(), q);
  for (Eigen::Index k = 0; k < q; ++k) {
    f[k] = eigen.eigenvalues()[kept[k]];
    basis.col(k) = eigen.eigenvectors().col(kept[k]);
  }
  // a(w₁) = F⁺SΣw₁ in F's eigenbasis: α_k = u_kᵀSΣw₁ / f_k; what F cannot represent: ρ(w₁) = ‖w₁‖²_Σ − Σ f_k α_k².
  const Eigen::VectorXd truth = m.truthSquared.cwiseSqrt();
  const Eigen::VectorXd alpha = (basis.transpose() * (projection * m.spectrum.asDiagonal() * truth)).cwiseQuotient(f);
  const double residual = (m.spectrum.array() * m.truthSquared.array()).sum() - (f.array() * alpha.array().square()).sum();
  // Δ = (c²/d)Σ⁻¹ ⇒ Δ_a = (c²/d)F⁺ and ρ̄_δ = c²(1 − q/d).
  const double syntheticResidual = m.quality * (1.0 - static_cast<double>(q) / d);
  // Theorem 1 on the features (target coordinates α, spectrum f); the residuals act as label noise of variance
  // ρ(w₁) on every row and ρ̄_δ on synthetic rows, so they enter beside σ² in the u-term.
  const auto [e, u] = theoremOne(f, alpha.array().square(), d, m, false);
  return {residual + e.bias + residual * u, e.variance, e.synthetic + m.syntheticFraction * syntheticResidual * u};
}

MixtureError randomProjectionErrorIsotropic(double dim, double width, double signalSquared, const MixtureSetting& m) {
  const double gamma = width / dim, q = std::min(width, dim);
  const double a = (1.0 - std::sqrt(gamma)) * (1.0 - std::sqrt(gamma)), b = (1.0 + std::sqrt(gamma)) * (1.0 + std::sqrt(gamma));
  // Nodes and weights of Σ_f g(f) = q·E_MP[g]: x = (a+b)/2 + (b−a)/2·cos θ turns the density's √((b−x)(x−a))
  // into sin²θ; the midpoint rule in θ is then spectrally accurate.
  const int nodes = 2000;
  Eigen::VectorXd x(nodes), weight(nodes);
  const double pi = 3.14159265358979323846;
  for (int k = 0; k < nodes; ++k) {
    const double theta = pi * (k + 0.5) / nodes;
    x[k] = 0.5 * (a + b) + 0.5 * (b - a) * math::cos(theta);
    const double density = std::sqrt((b - x[k]) * (x[k] - a)) / (2.0 * pi * std::min(gamma, 1.0) * x[k]);
    weight[k] = q * density * 0.5 * (b - a) * math::sin(theta) * pi / nodes;
  }
  // Solve κ for the weighted spectrum: κ − λ = κ·Σ w f/(f+κ)/n (bisection, as solveRidgeEquivalent).
  auto df = [&](double kappa, int power) { return (weight.array() * (x.array() / (x.array() + kappa)).unaryExpr([power](double v) { return math::powInt(v, power); })).sum(); };
  double kappa = 0.0;
  if (m.lambda > 0.0 || q > m.samples) {
    auto f = [&](double k) { return m.lambda > 0.0 ? k - m.lambda - k * df(k, 1) / m.samples : m.samples - df(k, 1); };
    double lo = m.lambda, hi = m.lambda + 1.0 + b;
    while (f(hi) < 0.0) hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) (f(0.5 * (lo + hi)) < 0.0 ? lo : hi) = 0.5 * (lo + hi);
    kappa = 0.5 * (lo + hi);
  }
  const double df2 = df(kappa, 2), u = df2 / (m.samples - df2);
  const double p2 = m.syntheticFraction, p1 = 1.0 - p2, c2 = m.quality, r2 = signalSquared;
  const double unrepresented = 1.0 - q / dim;
  const double inverseSquares = (weight.array() / (x.array() + kappa).square()).sum();
  const double mixed = (weight.array() * ((p1 * x.array() + kappa) / (x.array() + kappa)).square()).sum();
  const double clean = r2 * unrepresented + (1.0 + u) * kappa * kappa * r2 / dim * inverseSquares + r2 * unrepresented * u;
  const double synthetic = p2 * c2 * unrepresented * u + c2 / dim * (p2 * p2 * (1.0 + p1 * u) * df2 + p2 * u * mixed);
  return {clean, m.noise * m.noise * u, synthetic};
}

}  // namespace collapse::theory
