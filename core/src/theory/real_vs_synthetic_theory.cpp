// Exact OLS error on a real + synthetic mix (docs/theory/real-vs-synthetic.md §2).
#include "collapse/theory/real_vs_synthetic_theory.hpp"

namespace collapse::theory {

double olsMixtureSyntheticFactor(double d, double realSamples, double syntheticSamples) {
  const double n = realSamples + syntheticSamples, m = syntheticSamples;
  // Moments of a uniformly random rank-d projection Π of ℝⁿ: Π_ii ~ Beta(d/2, (n − d)/2); the others follow from
  // Π² = Π (row sums of Π_ij² equal Π_ii) and tr Π = d.
  const double diagonalSquared = d * (d + 2.0) / (n * (n + 2.0));
  const double offDiagonalSquared = n > 1.0 ? d * (n - d) / (n * (n - 1.0) * (n + 2.0)) : 0.0;
  const double diagonalProduct = n > 1.0 ? d * (d * (n + 1.0) - 2.0) / (n * (n - 1.0) * (n + 2.0)) : 0.0;
  const double traceOfSquare = m * diagonalSquared + m * (m - 1.0) * offDiagonalSquared;    // E tr P²
  const double squareOfTrace = m * diagonalSquared + m * (m - 1.0) * diagonalProduct;       // E (tr P)²
  // E tr(P W⁻¹ P W) with W ~ Wishart_d(n, I) independent of P: E[W⁻¹_jk W_li] = (n δ_jk δ_li − δ_jl δ_ki −
  // δ_ji δ_kl)/(n − d − 1).
  return ((n - 1.0) * traceOfSquare - squareOfTrace) / (n - d - 1.0);
}

double olsMixtureError(double d, double realSamples, double syntheticSamples, double noise, double quality) {
  const double n = realSamples + syntheticSamples;
  return noise * noise * d / (n - d - 1.0) + quality / d * olsMixtureSyntheticFactor(d, realSamples, syntheticSamples);
}

double olsGeneratorQuality(double d, double generatorSamples, double noise) {
  return noise * noise * d / (generatorSamples - d - 1.0);
}

}  // namespace collapse::theory
