#pragma once
/// @file language_model_theory.hpp
/// Exact expectations for experiment "language-model" where they exist (docs/theory/language-model.md §4): a
/// unigram model without smoothing, refitted by counts on T tokens it sampled itself, is a Wright–Fisher chain.
#include <vector>

namespace collapse::theory::language_model {

/// E[Gini–Simpson diversity 1 − Σ q_w²] at generations 1..n under replace: D₁ (1 − 1/T)^(g−1).
std::vector<double> diversityReplace(double firstDiversity, double samples, int generations);

/// The same under accumulate (generation g fits all g·T tokens so far). With Q_g = E Σ q_w², exactly
/// Q_{g+1} = (T + (T²(g+1)² − T)·Q_g) / ((g+1)² T²).
std::vector<double> diversityAccumulate(double firstDiversity, double samples, int generations);

}  // namespace collapse::theory::language_model
