// Symmetric eigen decomposition on two lanes: tred2 + tql2 (see the header for the sources and the lane rules).
// Indices follow JAMA's EigenvalueDecomposition: V(k, j) is row k, column j; V is column-major, so every loop over k
// walks one contiguous column and runs two rows at a time.
#include "collapse/simd/symmetric_eigen.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "collapse/simd/f64x2.hpp"
#include "collapse/simd/range_kernels.hpp"

namespace collapse::simd {

namespace {

/// √(a² + b²) without overflow or destructive underflow (JAMA's Maths.hypot), from IEEE operations only.
double hypotenuse(double a, double b) {
  if (std::fabs(a) > std::fabs(b)) {
    const double r = b / a;
    return std::fabs(a) * std::sqrt(1.0 + r * r);
  }
  if (b != 0.0) {
    const double r = a / b;
    return std::fabs(b) * std::sqrt(1.0 + r * r);
  }
  return 0.0;
}

/// Householder reduction to tridiagonal form, the orthogonal transformation accumulated in v (EISPACK tred2).
/// On return d is the diagonal, e[1..n) the subdiagonal (e[0] = 0).
void tridiagonalise(Eigen::MatrixXd& v, std::vector<double>& d, std::vector<double>& e) {
  const int n = static_cast<int>(v.rows());
  const auto column = [&](int j) { return v.data() + static_cast<std::ptrdiff_t>(j) * n; };
  for (int j = 0; j < n; ++j) d[j] = v(n - 1, j);
  for (int i = n - 1; i > 0; --i) {
    double scale = 0.0, h = 0.0;
    for (int k = 0; k < i; ++k) scale = scale + std::fabs(d[k]);
    if (scale == 0.0) {
      e[i] = d[i - 1];
      for (int j = 0; j < i; ++j) {
        d[j] = v(i - 1, j);
        v(i, j) = 0.0;
        v(j, i) = 0.0;
      }
    } else {
      // The Householder vector, scaled.
      for (int k = 0; k < i; ++k) {
        d[k] = d[k] / scale;
        h = h + d[k] * d[k];
      }
      double f = d[i - 1];
      double g = std::sqrt(h);
      if (f > 0.0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (int j = 0; j < i; ++j) e[j] = 0.0;
      // p = A·u over the leading i × i block (its lower triangle), column by column.
      for (int j = 0; j < i; ++j) {
        f = d[j];
        v(j, i) = f;
        double* cj = column(j);
        const int below = i - 1 - j;  // rows j+1 … i−1
        const double sum = dot(cj + j + 1, d.data() + j + 1, below);
        const F64x2 fj = splat(f);
        int k = j + 1;
        for (; k + 2 <= i; k += 2) store(e.data() + k, load(e.data() + k) + load(cj + k) * fj);
        if (k < i) e[k] = e[k] + cj[k] * f;
        e[j] = (e[j] + cj[j] * f) + sum;
      }
      f = 0.0;
      for (int j = 0; j < i; ++j) {
        e[j] = e[j] / h;
        f = f + e[j] * d[j];
      }
      const double hh = f / (h + h);
      for (int j = 0; j < i; ++j) e[j] = e[j] - hh * d[j];
      // The rank-2 update A −= u·qᵀ + q·uᵀ, lower triangle, column by column.
      for (int j = 0; j < i; ++j) {
        f = d[j];
        g = e[j];
        double* cj = column(j);
        const F64x2 fj = splat(f), gj = splat(g);
        int k = j;
        for (; k + 2 <= i; k += 2)
          store(cj + k, load(cj + k) - (fj * load(e.data() + k) + gj * load(d.data() + k)));
        if (k < i) cj[k] = cj[k] - (f * e[k] + g * d[k]);
        d[j] = v(i - 1, j);
        v(i, j) = 0.0;
      }
    }
    d[i] = h;
  }
  // Accumulate the transformations.
  for (int i = 0; i < n - 1; ++i) {
    v(n - 1, i) = v(i, i);
    v(i, i) = 1.0;
    const double h = d[i + 1];
    double* next = column(i + 1);
    if (h != 0.0) {
      for (int k = 0; k <= i; ++k) d[k] = next[k] / h;
      for (int j = 0; j <= i; ++j) {
        double* cj = column(j);
        const double g = dot(next, cj, i + 1);
        subtractScaled(cj, d.data(), g, i + 1);
      }
    }
    for (int k = 0; k <= i; ++k) next[k] = 0.0;
  }
  for (int j = 0; j < n; ++j) {
    d[j] = v(n - 1, j);
    v(n - 1, j) = 0.0;
  }
  if (n > 0) v(n - 1, n - 1) = 1.0;
  e[0] = 0.0;
}

/// Implicit QL iteration on the tridiagonal (d, e), rotations applied to v (EISPACK tql2); ascending order at the
/// end. False when an eigenvalue needs more than kMaxSweeps sweeps (not seen for finite input).
bool diagonalise(Eigen::MatrixXd& v, std::vector<double>& d, std::vector<double>& e) {
  constexpr int kMaxSweeps = 100;
  const int n = static_cast<int>(v.rows());
  const auto column = [&](int j) { return v.data() + static_cast<std::ptrdiff_t>(j) * n; };
  for (int i = 1; i < n; ++i) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0.0;
  double f = 0.0, tst1 = 0.0;
  const double eps = 0x1.0p-52;
  for (int l = 0; l < n; ++l) {
    // Find a small subdiagonal element.
    tst1 = std::max(tst1, std::fabs(d[l]) + std::fabs(e[l]));
    int m = l;
    while (m < n - 1 && !(std::fabs(e[m]) <= eps * tst1)) ++m;
    if (m > l) {
      int sweeps = 0;
      do {
        if (++sweeps > kMaxSweeps) return false;
        // The implicit shift.
        double g = d[l];
        double p = (d[l + 1] - g) / (2.0 * e[l]);
        double r = hypotenuse(p, 1.0);
        if (p < 0.0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const double dl1 = d[l + 1];
        double h = g - d[l];
        for (int i = l + 2; i < n; ++i) d[i] = d[i] - h;
        f = f + h;
        // The QL sweep; each rotation turns columns i and i+1 of v, two rows at a time.
        p = d[m];
        double c = 1.0, c2 = c, c3 = c, s = 0.0, s2 = 0.0;
        const double el1 = e[l + 1];
        for (int i = m - 1; i >= l; --i) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypotenuse(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          double* left = column(i);
          double* right = column(i + 1);
          const F64x2 cs = splat(c), ss = splat(s);
          int k = 0;
          for (; k + 2 <= n; k += 2) {
            const F64x2 a = load(left + k), b = load(right + k);
            store(right + k, ss * a + cs * b);
            store(left + k, cs * a - ss * b);
          }
          if (k < n) {
            const double a = left[k], b = right[k];
            right[k] = s * a + c * b;
            left[k] = c * a - s * b;
          }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (std::fabs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0.0;
  }
  // Ascending order (selection sort, as JAMA).
  for (int i = 0; i < n - 1; ++i) {
    int k = i;
    double p = d[i];
    for (int j = i + 1; j < n; ++j)
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    if (k != i) {
      d[k] = d[i];
      d[i] = p;
      std::swap_ranges(column(i), column(i) + n, column(k));
    }
  }
  return true;
}

}  // namespace

SymmetricEigen::SymmetricEigen(const Eigen::MatrixXd& matrix) {
  const Eigen::Index n = matrix.rows();
  if (matrix.cols() != n) return;  // info_ stays InvalidInput
  vectors_.resize(n, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = j; i < n; ++i) vectors_(i, j) = vectors_(j, i) = matrix(i, j);  // the lower triangle, mirrored
  std::vector<double> d(static_cast<std::size_t>(n)), e(static_cast<std::size_t>(n));
  tridiagonalise(vectors_, d, e);
  const bool converged = diagonalise(vectors_, d, e);
  values_ = Eigen::Map<const Eigen::VectorXd>(d.data(), n);
  info_ = converged ? Eigen::Success : Eigen::NoConvergence;
}

}  // namespace collapse::simd
