#include "collapse/simd/matrix_kernels.hpp"

#include <algorithm>
#include <vector>

#include "collapse/simd/f64x2.hpp"

namespace collapse::simd {

namespace {

/// Rows [i, i+4) of A packed k-major: panel[4·p + r] = A(i + r, p); rows past m are zero (never stored back).
void packRows(const double* a, int lda, int m, int i, int k, double* panel) {
  const int rows = std::min(4, m - i);
  for (int p = 0; p < k; ++p) {
    const double* column = a + static_cast<std::ptrdiff_t>(p) * lda + i;
    for (int r = 0; r < 4; ++r) panel[4 * p + r] = r < rows ? column[r] : 0.0;
  }
}

}  // namespace

void gemm(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k) {
  std::vector<double> panel(static_cast<std::size_t>(4) * std::max(k, 1));
  for (int i = 0; i < m; i += 4) {
    packRows(a, lda, m, i, k, panel.data());
    const int rows = std::min(4, m - i);
    int j = 0;
    for (; j + 4 <= n; j += 4) {  // 4 × 4 micro-tile: 8 accumulators of two lanes
      const double* b0 = b + static_cast<std::ptrdiff_t>(j) * ldb;
      const double* b1 = b0 + ldb;
      const double* b2 = b1 + ldb;
      const double* b3 = b2 + ldb;
      F64x2 c00 = splat(0.0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
      for (int p = 0; p < k; ++p) {
        const F64x2 lo = load(panel.data() + 4 * p), hi = load(panel.data() + 4 * p + 2);
        const F64x2 s0 = splat(b0[p]), s1 = splat(b1[p]), s2 = splat(b2[p]), s3 = splat(b3[p]);
        c00 = c00 + lo * s0; c01 = c01 + hi * s0;
        c10 = c10 + lo * s1; c11 = c11 + hi * s1;
        c20 = c20 + lo * s2; c21 = c21 + hi * s2;
        c30 = c30 + lo * s3; c31 = c31 + hi * s3;
      }
      alignas(16) double tile[16];
      store(tile + 0, c00); store(tile + 2, c01);
      store(tile + 4, c10); store(tile + 6, c11);
      store(tile + 8, c20); store(tile + 10, c21);
      store(tile + 12, c30); store(tile + 14, c31);
      for (int jj = 0; jj < 4; ++jj)
        for (int r = 0; r < rows; ++r) c[static_cast<std::ptrdiff_t>(j + jj) * ldc + i + r] = tile[4 * jj + r];
    }
    for (; j < n; ++j) {  // remaining columns one at a time
      const double* bj = b + static_cast<std::ptrdiff_t>(j) * ldb;
      F64x2 lo = splat(0.0), hi = lo;
      for (int p = 0; p < k; ++p) {
        const F64x2 s = splat(bj[p]);
        lo = lo + load(panel.data() + 4 * p) * s;
        hi = hi + load(panel.data() + 4 * p + 2) * s;
      }
      alignas(16) double tile[4];
      store(tile, lo);
      store(tile + 2, hi);
      for (int r = 0; r < rows; ++r) c[static_cast<std::ptrdiff_t>(j) * ldc + i + r] = tile[r];
    }
  }
}

void gemmReference(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k) {
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double sum = 0.0;
      for (int p = 0; p < k; ++p) sum = sum + a[static_cast<std::ptrdiff_t>(p) * lda + i] * b[static_cast<std::ptrdiff_t>(j) * ldb + p];
      c[static_cast<std::ptrdiff_t>(j) * ldc + i] = sum;
    }
}

Eigen::MatrixXd lowerGram(const Eigen::MatrixXd& lower) {
  const int d = static_cast<int>(lower.rows());
  // Rows i ≥ j of column j: Σ_{k ≤ j} L(i,k)·L(j,k). The column block [j, j+4) sums k up to j+3 for all four
  // columns: the extra terms multiply by L(jj,k) = 0 (k > jj, above the diagonal) and adding +0 to a finite sum
  // changes no bit, so every entry equals the reference's sum over k ≤ min(i,j).
  Eigen::MatrixXd l = lower.triangularView<Eigen::Lower>();  // explicit zeros above the diagonal
  Eigen::MatrixXd g(d, d);
  const double* base = l.data();
  for (int j = 0; j < d; j += 4) {
    const int cols = std::min(4, d - j);
    const int depth = j + cols;  // k < depth
    const int start = j & ~1;    // even row, so that row pairs stay aligned with the lanes' layout
    for (int i = start; i < d; i += 2) {
      const bool pair = i + 1 < d;
      F64x2 acc[4] = {splat(0.0), splat(0.0), splat(0.0), splat(0.0)};
      for (int p = 0; p < depth; ++p) {
        const double* column = base + static_cast<std::ptrdiff_t>(p) * d;
        const F64x2 rowsPair = pair ? load(column + i) : make(column[i], 0.0);
        for (int jj = 0; jj < cols; ++jj) acc[jj] = acc[jj] + rowsPair * splat(column[j + jj]);
      }
      for (int jj = 0; jj < cols; ++jj) {
        const int col = j + jj;
        const double top = lane(acc[jj], 0), bottom = lane(acc[jj], 1);
        if (i >= col) g(i, col) = g(col, i) = top;
        if (pair && i + 1 >= col) g(i + 1, col) = g(col, i + 1) = bottom;
      }
    }
  }
  return g;
}

Eigen::MatrixXd lowerGramReference(const Eigen::MatrixXd& lower) {
  const Eigen::Index d = lower.rows();
  Eigen::MatrixXd g(d, d);
  for (Eigen::Index j = 0; j < d; ++j)
    for (Eigen::Index i = j; i < d; ++i) {
      double sum = 0.0;
      for (Eigen::Index p = 0; p <= j; ++p) sum = sum + lower(i, p) * lower(j, p);
      g(i, j) = g(j, i) = sum;
    }
  return g;
}

Eigen::MatrixXd columnGram(const Eigen::MatrixXd& x) {
  const int rows = static_cast<int>(x.rows()), d = static_cast<int>(x.cols());
  Eigen::MatrixXd g(d, d);
  const int pairs = rows / 2;
  for (int j = 0; j < d; ++j) {
    const double* xj = x.data() + static_cast<std::ptrdiff_t>(j) * rows;
    int i = j;
    for (; i + 2 <= d; i += 2) {  // two columns i, i+1 against column j
      const double* xi0 = x.data() + static_cast<std::ptrdiff_t>(i) * rows;
      const double* xi1 = xi0 + rows;
      F64x2 s0 = splat(0.0), s1 = splat(0.0);
      for (int p = 0; p < pairs; ++p) {
        const F64x2 vj = load(xj + 2 * p);
        s0 = s0 + load(xi0 + 2 * p) * vj;
        s1 = s1 + load(xi1 + 2 * p) * vj;
      }
      double e0 = lane(s0, 0), o0 = lane(s0, 1), e1 = lane(s1, 0), o1 = lane(s1, 1);
      if (rows % 2) {
        e0 = e0 + xi0[rows - 1] * xj[rows - 1];
        e1 = e1 + xi1[rows - 1] * xj[rows - 1];
      }
      g(i, j) = g(j, i) = e0 + o0;
      g(i + 1, j) = g(j, i + 1) = e1 + o1;
    }
    for (; i < d; ++i) {
      const double* xi = x.data() + static_cast<std::ptrdiff_t>(i) * rows;
      F64x2 s = splat(0.0);
      for (int p = 0; p < pairs; ++p) s = s + load(xi + 2 * p) * load(xj + 2 * p);
      double e = lane(s, 0), o = lane(s, 1);
      if (rows % 2) e = e + xi[rows - 1] * xj[rows - 1];
      g(i, j) = g(j, i) = e + o;
    }
  }
  return g;
}

Eigen::MatrixXd columnGramReference(const Eigen::MatrixXd& x) {
  const Eigen::Index rows = x.rows(), d = x.cols();
  Eigen::MatrixXd g(d, d);
  for (Eigen::Index j = 0; j < d; ++j)
    for (Eigen::Index i = j; i < d; ++i) {
      double even = 0.0, odd = 0.0;
      Eigen::Index p = 0;
      for (; p + 2 <= rows; p += 2) {
        even = even + x(p, i) * x(p, j);
        odd = odd + x(p + 1, i) * x(p + 1, j);
      }
      if (p < rows) even = even + x(p, i) * x(p, j);
      g(i, j) = g(j, i) = even + odd;
    }
  return g;
}

Eigen::MatrixXd product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd c(a.rows(), b.cols());
  gemm(a.data(), static_cast<int>(a.rows()), b.data(), static_cast<int>(b.rows()), c.data(), static_cast<int>(c.rows()),
       static_cast<int>(a.rows()), static_cast<int>(b.cols()), static_cast<int>(a.cols()));
  return c;
}

}  // namespace collapse::simd
