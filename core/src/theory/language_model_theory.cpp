// Wright–Fisher expectations of the unigram language model (docs/theory/language-model.md §4).
#include "collapse/theory/language_model_theory.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>

namespace collapse::theory::language_model {

std::vector<double> diversityReplace(double firstDiversity, double samples, int generations) {
  std::vector<double> d;
  for (int g = 1; g <= generations; ++g) d.push_back(firstDiversity * math::pow(1.0 - 1.0 / samples, g - 1));
  return d;
}

std::vector<double> diversityAccumulate(double firstDiversity, double samples, int generations) {
  std::vector<double> d;
  double q = 1.0 - firstDiversity;  // E Σ q_w² of generation g
  for (int g = 1; g <= generations; ++g) {
    d.push_back(1.0 - q);
    const double next = g + 1.0, t = samples;
    q = (t + (t * t * next * next - t) * q) / (next * next * t * t);
  }
  return d;
}

}  // namespace collapse::theory::language_model
