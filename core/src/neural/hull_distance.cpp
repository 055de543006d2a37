#include "collapse/neural/hull_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace collapse::neural {

namespace {
/// Weights α (Σα = 1) of the least-norm point of the affine hull of the columns of `q`: the KKT system
/// [2QᵀQ 1; 1ᵀ 0][α; ν] = [0; 1], solved by a complete orthogonal decomposition (affinely dependent columns allowed).
Eigen::VectorXd affineMinimumWeights(const Eigen::MatrixXd& q) {
  const Eigen::Index m = q.cols();
  Eigen::MatrixXd kkt = Eigen::MatrixXd::Zero(m + 1, m + 1);
  kkt.topLeftCorner(m, m) = q.transpose() * q;
  kkt.block(0, m, m, 1).setOnes();
  kkt.block(m, 0, 1, m).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(m + 1);
  rhs(m) = 1.0;
  return kkt.completeOrthogonalDecomposition().solve(rhs).head(m);
}
}  // namespace

double distanceToHull(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices, double tolerance) {
  // Wolfe's minimum-norm-point algorithm (Wolfe 1976, Math. Programming 11) on the shifted points q_j = v_j − p:
  // a corral S of affinely independent points and convex weights λ; the major step adds the point most opposed to
  // the current x = Σλ_j q_j, the minor steps move towards the affine minimum of S, dropping points whose weight
  // reaches 0. Finite and exact up to round-off; each step solves a system of at most d + 2 unknowns.
  const Eigen::MatrixXd q = vertices.colwise() - point;
  const Eigen::Index k = q.cols();
  const double scale = q.colwise().squaredNorm().maxCoeff();
  Eigen::Index first = 0;
  q.colwise().squaredNorm().minCoeff(&first);
  std::vector<Eigen::Index> corral = {first};
  Eigen::VectorXd weights = Eigen::VectorXd::Ones(1);
  Eigen::VectorXd x = q.col(first);
  auto corralMatrix = [&]() {
    Eigen::MatrixXd m(q.rows(), static_cast<Eigen::Index>(corral.size()));
    for (std::size_t a = 0; a < corral.size(); ++a) m.col(static_cast<Eigen::Index>(a)) = q.col(corral[a]);
    return m;
  };
  for (int major = 0; major < 10 * static_cast<int>(k) + 100; ++major) {
    Eigen::Index entering = 0;
    (q.transpose() * x).minCoeff(&entering);
    if (x.squaredNorm() - x.dot(q.col(entering)) <= tolerance * scale) break;  // x is optimal: no point is more opposed
    if (std::find(corral.begin(), corral.end(), entering) != corral.end()) break;  // round-off: no progress possible
    const double before = x.squaredNorm();
    corral.push_back(entering);
    weights.conservativeResize(weights.size() + 1);
    weights(weights.size() - 1) = 0.0;
    for (int minor = 0; minor < 10 * static_cast<int>(k) + 100; ++minor) {
      const Eigen::MatrixXd m = corralMatrix();
      const Eigen::VectorXd alpha = affineMinimumWeights(m);
      if ((alpha.array() > 1e-14).all()) {
        weights = alpha;
        x = m * weights;
        break;
      }
      // Move from λ towards α until the first weight hits 0, then drop the points at 0.
      double theta = 1.0;
      for (Eigen::Index a = 0; a < alpha.size(); ++a)
        if (alpha(a) <= 1e-14) theta = std::min(theta, weights(a) / (weights(a) - alpha(a)));
      weights = weights + theta * (alpha - weights);
      std::vector<Eigen::Index> kept;
      std::vector<double> keptWeights;
      for (Eigen::Index a = 0; a < weights.size(); ++a)
        if (weights(a) > 1e-14) {
          kept.push_back(corral[static_cast<std::size_t>(a)]);
          keptWeights.push_back(weights(a));
        }
      corral = kept;
      weights = Eigen::Map<const Eigen::VectorXd>(keptWeights.data(), static_cast<Eigen::Index>(keptWeights.size()));
      weights /= weights.sum();
      x = corralMatrix() * weights;
    }
    if (x.squaredNorm() >= before) break;  // round-off: the step made no progress
  }
  return x.norm();
}

double distanceToHullBruteForce(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices) {
  const int k = static_cast<int>(vertices.cols());
  double best = std::numeric_limits<double>::infinity();
  for (unsigned mask = 1; mask < (1u << k); ++mask) {
    std::vector<int> members;
    for (int j = 0; j < k; ++j)
      if (mask & (1u << j)) members.push_back(j);
    const int m = static_cast<int>(members.size());
    // Least-norm point of the affine hull: minimise ‖p − Vα‖² subject to Σα = 1 (KKT system with a multiplier).
    Eigen::MatrixXd kkt = Eigen::MatrixXd::Zero(m + 1, m + 1);
    Eigen::VectorXd rhs(m + 1);
    for (int a = 0; a < m; ++a) {
      for (int c = 0; c < m; ++c) kkt(a, c) = vertices.col(members[a]).dot(vertices.col(members[c]));
      kkt(a, m) = kkt(m, a) = 1.0;
      rhs(a) = vertices.col(members[a]).dot(point);
    }
    rhs(m) = 1.0;
    const Eigen::VectorXd solution = kkt.completeOrthogonalDecomposition().solve(rhs);
    if ((solution.head(m).array() < -1e-12).any()) continue;
    Eigen::VectorXd nearest = Eigen::VectorXd::Zero(point.size());
    for (int a = 0; a < m; ++a) nearest += solution(a) * vertices.col(members[a]);
    best = std::min(best, (point - nearest).norm());
  }
  return best;
}

}  // namespace collapse::neural
