#pragma once
/// @file kde_datasets.hpp
/// The four datasets of Kazdan et al.'s KDE experiments, generated as scikit-learn's make_blobs, make_circles,
/// make_moons and make_swiss_roll define them (docs/theory/generative.md §5, "Datasets"):
///   blobs       3 centres uniform in [−10, 10]², cluster std 1, ⌊n/3⌋ points each (the first n mod 3 get one
///               more); the centres are drawn once per trial and, by default (blobCentres = shared), shared by
///               training and test data, so the test data come from the training distribution; the authors' code
///               redraws them for the test set (blobCentres = redrawn constructs a second dataset);
///   circles     ⌊n/2⌋ points on radius 1 and the rest on radius 0.8, at evenly spaced angles, plus N(0, noise²);
///   moons       outer (cos θ, sin θ), θ = linspace(0, π, ⌊n/2⌋); inner (1 − cos θ, 0.5 − sin θ); plus noise;
///   swiss roll  t = 1.5π(1 + 2U), y = 21U′, (t cos t, y, t sin t) plus noise — 3-D, as the authors fit it.
#include <string>

#include <Eigen/Dense>

#include "collapse/random/samplers.hpp"

namespace collapse {

class KdeDataset {
 public:
  /// A dataset's distribution; blob centres are drawn here, once.
  KdeDataset(const std::string& name, double noise, NormalSampler& normal, Rng& rng);

  int dimension() const { return name_ == "swissRoll" ? 3 : 2; }
  /// n points of the dataset (n × dimension).
  Eigen::MatrixXd sample(int n, NormalSampler& normal, Rng& rng) const;

 private:
  std::string name_;
  double noise_;
  Eigen::Matrix<double, 3, 2> centres_;
};

}  // namespace collapse
