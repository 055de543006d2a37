// Recursive regression through sufficient statistics (docs/design.md §4, "Work scales with the algorithm").
//
// With X = Z·D (D = diag √s) and ZᵀZ = A·Aᵀ (A the Bartlett factor), a block's statistics are
//   XᵀX = D·A·Aᵀ·D,   Xᵀy = XᵀX·w + σ·D·A·z,   z ~ N(0, I_d),
// for labels y = X·w + σe (Xᵀe given XᵀX is N(0, XᵀX)). An OLS refit on that block is then
//   ŵ = w + σ·(XᵀX)⁻¹·D·A·z = w + σ·D⁻¹·A⁻ᵀ·z:
// one triangular solve, O(d²) per generation, and for a fixed design A is drawn once per trial.
// Ridge fits and fresh-input accumulation need the Gram matrix and a Cholesky factor, O(d³).
#include "collapse/experiments/recursive_regression.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/ridge_solver.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

struct BlockStatistics {
  Eigen::MatrixXd bartlett;   // A
  Eigen::MatrixXd gram;       // XᵀX = (D·A)(D·A)ᵀ, only when a fit needs it
};

BlockStatistics drawBlock(const RecursiveRegressionSettings& s, const Eigen::VectorXd& sqrtSpectrum, bool needGram,
                          NormalSampler& normal, Rng& rng) {
  BlockStatistics block;
  block.bartlett = sampleBartlettFactor(s.dim, s.samples, normal, rng);
  if (needGram) {
    // D·A is lower triangular: L·Lᵀ in d³/6 multiply-adds (collapse/simd/matrix_kernels.hpp).
    block.gram = simd::lowerGram(sqrtSpectrum.asDiagonal() * block.bartlett);
  }
  return block;
}

}  // namespace

std::vector<double> simulateRecursiveRegressionSufficient(const RecursiveRegressionSettings& s, Rng& rng) {
  NormalSampler normal(rng);
  const Eigen::VectorXd sqrtSpectrum = s.spectrum.cwiseSqrt();
  const bool accumulate = s.workflow == "accumulate";
  const double rows = s.samples;
  // OLS on a fixed design (or replace) stays in the O(d²) triangular form; everything else needs XᵀX.
  const bool triangularOls = s.ridge == 0.0 && (s.fixedDesign || !accumulate);
  const bool needGram = !triangularOls;

  BlockStatistics block;
  // Cholesky factor of XᵀX/T + λI, reused for a fixed ridge design; factor and solves on two lanes
  // (simd/matrix_kernels.hpp): Eigen's scalar triangular solves had been an eighth of ridge-sweep's WebAssembly time.
  Eigen::MatrixXd fixedFactor;
  if (s.fixedDesign) {
    block = drawBlock(s, sqrtSpectrum, needGram, normal, rng);
    if (needGram) fixedFactor = ridgeGramFactor(block.gram, rows, s.ridge, "recursive-regression: Cholesky factor of XᵀX/T + λI");
  }

  Eigen::VectorXd model = s.groundTruth;  // the labeller of the next block; generation 0 is the truth
  Eigen::VectorXd sumOfFits = Eigen::VectorXd::Zero(s.dim);     // accumulate, fixed design, OLS
  Eigen::VectorXd sumOfMoments = Eigen::VectorXd::Zero(s.dim);  // accumulate: Σ_j Xⱼᵀyⱼ
  Eigen::MatrixXd sumOfGrams;                                   // accumulate, fresh inputs: Σ_j XⱼᵀXⱼ
  if (accumulate && !s.fixedDesign) sumOfGrams = Eigen::MatrixXd::Zero(s.dim, s.dim);
  Eigen::VectorXd z(s.dim);
  RidgeGramWorkspace ridge;  // the fits' matrices, kept across generations

  std::vector<double> error(s.generations);
  for (int g = 1; g <= s.generations; ++g) {
    if (!s.fixedDesign) block = drawBlock(s, sqrtSpectrum, needGram, normal, rng);
    normal.fill(z.data(), z.size());
    Eigen::VectorXd fit;
    if (triangularOls) {
      // OLS refit of this block: model + σ·D⁻¹·A⁻ᵀ·z. The back substitution on two lanes (simd/matrix_kernels.hpp):
      // Eigen's scalar solve had been a sixth of replace-vs-accumulate's WebAssembly time.
      const Eigen::VectorXd noiseFit = s.noise * simd::solveLowerTransposed(block.bartlett, z).cwiseQuotient(sqrtSpectrum);
      fit = model + noiseFit;
      if (accumulate) {
        // Identical blocks: the stacked OLS fit is the mean of the block fits (docs/theory/recursive-regression.md §5).
        sumOfFits += fit;
        fit = sumOfFits / g;
      }
    } else {
      const Eigen::VectorXd noiseMoment =
          s.noise * (sqrtSpectrum.asDiagonal() * (block.bartlett.triangularView<Eigen::Lower>() * z));
      const Eigen::VectorXd moment = simd::matVec(block.gram, model) + noiseMoment;  // Xᵀy of this block (Eigen's G·w, bit for bit)
      if (!accumulate) {
        fit = s.fixedDesign ? simd::solveCholesky(fixedFactor, moment / rows)
                            : fitRidgeGram(block.gram, moment, rows, s.ridge, ridge);
      } else if (s.fixedDesign) {
        // g copies of X: (g·XᵀX/(gT) + λI)⁻¹ Σ_j Xᵀyⱼ/(gT) uses the same factor as one block.
        sumOfMoments += moment;
        fit = simd::solveCholesky(fixedFactor, sumOfMoments / (g * rows));
      } else {
        sumOfMoments += moment;
        sumOfGrams += block.gram;
        fit = fitRidgeGram(sumOfGrams, sumOfMoments, g * rows, s.ridge, ridge);
      }
    }
    error[g - 1] = excessRisk(fit - s.groundTruth, s.spectrum);
    model = fit;
  }
  return error;
}

}  // namespace collapse
