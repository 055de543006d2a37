#include "collapse/simd/matrix_kernels.hpp"

#include <algorithm>
#include <cmath>
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
  // A zero-padded copy (an even row count, a multiple of four columns) gives the micro-kernel one fixed shape,
  // 4 rows × 4 columns in 8 accumulators that stay in registers; padded entries are never stored.
  const int rows = (d + 1) & ~1, paddedColumns = (d + 3) & ~3;
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(rows, paddedColumns);
  l.topLeftCorner(d, d) = lower.triangularView<Eigen::Lower>();  // explicit zeros above the diagonal
  Eigen::MatrixXd g(d, d);
  const double* base = l.data();
  for (int j = 0; j < d; j += 4) {
    const int depth = std::min(j + 4, d);  // k < depth
    for (int i = j & ~1; i < rows; i += 4) {  // even first row: row pairs stay aligned with the lanes
      const bool fourRows = i + 2 < rows;
      F64x2 a0 = splat(0.0), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
      const double* columnRow = base + j;  // L(j, k) at columnRow[k·rows]
      const double* rowPair = base + i;    // L(i, k), L(i+1, k) at rowPair[k·rows]
      if (fourRows) {
        for (int k = 0; k < depth; ++k, columnRow += rows, rowPair += rows) {
          const F64x2 r0 = load(rowPair), r1 = load(rowPair + 2);
          const F64x2 s0 = splat(columnRow[0]), s1 = splat(columnRow[1]), s2 = splat(columnRow[2]), s3 = splat(columnRow[3]);
          a0 = a0 + r0 * s0; a1 = a1 + r0 * s1; a2 = a2 + r0 * s2; a3 = a3 + r0 * s3;
          b0 = b0 + r1 * s0; b1 = b1 + r1 * s1; b2 = b2 + r1 * s2; b3 = b3 + r1 * s3;
        }
      } else {
        for (int k = 0; k < depth; ++k, columnRow += rows, rowPair += rows) {
          const F64x2 r0 = load(rowPair);
          a0 = a0 + r0 * splat(columnRow[0]); a1 = a1 + r0 * splat(columnRow[1]);
          a2 = a2 + r0 * splat(columnRow[2]); a3 = a3 + r0 * splat(columnRow[3]);
        }
      }
      alignas(16) double tile[16];  // tile[8·(r/2) + 2·jj + r%2] = G(i + r, j + jj)
      store(tile, a0); store(tile + 2, a1); store(tile + 4, a2); store(tile + 6, a3);
      store(tile + 8, b0); store(tile + 10, b1); store(tile + 12, b2); store(tile + 14, b3);
      for (int jj = 0; jj < 4 && j + jj < d; ++jj)
        for (int r = 0; r < (fourRows ? 4 : 2); ++r) {
          const int row = i + r, col = j + jj;
          if (row < d && row >= col) g(row, col) = g(col, row) = tile[8 * (r / 2) + 2 * jj + r % 2];
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

bool cholesky(const Eigen::MatrixXd& a, Eigen::MatrixXd& lower) {
  const int d = static_cast<int>(a.rows());
  // Column j of L in a zero-padded copy (rows a multiple of eight): the eight rows i..i+7 carry four two-lane
  // sums s = A(i,j) − Σ_k L(i,k)·L(j,k), one per row pair, updated k by k in ascending order (the reference's order).
  const int rows = (d + 7) & ~7;
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(rows, d);
  l.topRows(d) = a.triangularView<Eigen::Lower>();
  double* base = l.data();
  for (int j = 0; j < d; ++j) {
    double* column = base + static_cast<std::ptrdiff_t>(j) * rows;
    for (int i = j & ~7; i < rows; i += 8) {  // rows above j in the first block are computed and discarded
      F64x2 s0 = load(column + i), s1 = load(column + i + 2), s2 = load(column + i + 4), s3 = load(column + i + 6);
      const double* previous = base + i;  // L(i.., k) at previous[k·rows]
      for (int k = 0; k < j; ++k, previous += rows) {
        const F64x2 ljk = splat(base[static_cast<std::ptrdiff_t>(k) * rows + j]);
        s0 = s0 - load(previous) * ljk; s1 = s1 - load(previous + 2) * ljk;
        s2 = s2 - load(previous + 4) * ljk; s3 = s3 - load(previous + 6) * ljk;
      }
      alignas(16) double sums[8];
      store(sums, s0); store(sums + 2, s1); store(sums + 4, s2); store(sums + 6, s3);
      for (int r = 0; r < 8; ++r)
        if (i + r >= j) column[i + r] = sums[r];
    }
    const double pivot = column[j];
    if (!(pivot > 0.0) || !std::isfinite(pivot)) return false;
    const double diagonal = std::sqrt(pivot);
    column[j] = diagonal;
    for (int i = j + 1; i < d; ++i) column[i] = column[i] / diagonal;
  }
  lower = l.topRows(d);
  return true;
}

bool choleskyReference(const Eigen::MatrixXd& a, Eigen::MatrixXd& lower) {
  const Eigen::Index d = a.rows();
  lower = Eigen::MatrixXd::Zero(d, d);
  for (Eigen::Index j = 0; j < d; ++j) {
    for (Eigen::Index i = j; i < d; ++i) {
      double s = a(i, j);
      for (Eigen::Index k = 0; k < j; ++k) s = s - lower(i, k) * lower(j, k);
      lower(i, j) = s;
    }
    const double pivot = lower(j, j);
    if (!(pivot > 0.0) || !std::isfinite(pivot)) return false;
    lower(j, j) = std::sqrt(pivot);
    for (Eigen::Index i = j + 1; i < d; ++i) lower(i, j) = lower(i, j) / lower(j, j);
  }
  return true;
}

Eigen::MatrixXd product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd c(a.rows(), b.cols());
  gemm(a.data(), static_cast<int>(a.rows()), b.data(), static_cast<int>(b.rows()), c.data(), static_cast<int>(c.rows()),
       static_cast<int>(a.rows()), static_cast<int>(b.cols()), static_cast<int>(a.cols()));
  return c;
}

}  // namespace collapse::simd
