#include "collapse/neural/hull_distance.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace collapse::neural {

Eigen::VectorXd projectOntoSimplex(const Eigen::VectorXd& v) {
  // Duchi et al. 2008, Fig. 1: θ = (Σ_{j≤ρ} u_j − 1)/ρ for the sorted values u and the largest feasible ρ.
  std::vector<double> u(v.data(), v.data() + v.size());
  std::sort(u.begin(), u.end(), std::greater<double>());
  double cumulative = 0, theta = 0;
  for (std::size_t j = 0; j < u.size(); ++j) {
    cumulative += u[j];
    const double candidate = (cumulative - 1.0) / static_cast<double>(j + 1);
    if (u[j] - candidate > 0) theta = candidate;
  }
  return (v.array() - theta).max(0.0).matrix();
}

double distanceToHull(const Eigen::VectorXd& point, const Eigen::MatrixXd& vertices, double gapTolerance) {
  const Eigen::Index k = vertices.cols();
  if (k == 1) return (point - vertices.col(0)).norm();
  // f(α) = ½ αᵀGα − gᵀα + ½‖p‖², in the k × k Gram form (no d-dimensional work per iteration).
  const Eigen::MatrixXd gram = vertices.transpose() * vertices;
  const Eigen::VectorXd linear = vertices.transpose() * point;
  const double constant = 0.5 * point.squaredNorm();
  auto objective = [&](const Eigen::VectorXd& a) { return 0.5 * a.dot(gram * a) - linear.dot(a) + constant; };
  // Lipschitz constant of ∇f: the largest eigenvalue of G (k ≤ a few hundred: a direct solve is cheap).
  const double lipschitz = std::max(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff(),
                                    std::numeric_limits<double>::min());
  Eigen::VectorXd alpha = Eigen::VectorXd::Constant(k, 1.0 / static_cast<double>(k)), previous = alpha, y = alpha;
  double momentum = 1.0, value = objective(alpha);
  for (int iteration = 0; iteration < 5000; ++iteration) {
    const Eigen::VectorXd gradientAtAlpha = gram * alpha - linear;
    // Frank–Wolfe gap: f(α) − f* ≤ ∇f(α)ᵀα − min_j ∇f(α)_j.
    if (gradientAtAlpha.dot(alpha) - gradientAtAlpha.minCoeff() <= gapTolerance) break;
    previous = alpha;
    alpha = projectOntoSimplex(y - (gram * y - linear) / lipschitz);
    const double next = objective(alpha);
    if (next > value) {  // adaptive restart (O'Donoghue & Candès 2015): drop the momentum when f increases
      momentum = 1.0;
      y = alpha;
    } else {
      const double nextMomentum = 0.5 * (1.0 + std::sqrt(1.0 + 4.0 * momentum * momentum));
      y = alpha + ((momentum - 1.0) / nextMomentum) * (alpha - previous);
      momentum = nextMomentum;
    }
    value = next;
  }
  return (point - vertices * alpha).norm();
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
