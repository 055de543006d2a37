#include "collapse/simd/matrix_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "collapse/simd/f64x2.hpp"
#include "collapse/simd/range_kernels.hpp"

namespace collapse::simd {

namespace {

// The product's register tile, rows × columns of C, measured per backend on the 200×200 product (one run of each shape):
// SIMD128 0.77 ms for 8 × 2 against 0.84 ms for 4 × 4 and 1.2 ms for 6 × 4 or 4 × 6, where V8
// runs out of its 16 vector registers and spills; the emulated scalar lanes 1.75 ms for 6 × 4 against 2.12 ms for
// 4 × 4 and 2.26 ms for 8 × 2; SSE2 (g++) within 3 % for all three. The shape changes no bit: every entry is still
// one sum from 0 in ascending k, so each build simply takes its fastest tile.
#if defined(COLLAPSE_F64X2_WASM) || defined(COLLAPSE_F64X2_SSE2)
constexpr int kTileRows = 8, kTileColumns = 2;
#else
constexpr int kTileRows = 6, kTileColumns = 4;
#endif

/// C = A·B for n a multiple of Columns: rows in blocks of Rows, each block of A packed k-major
/// (panel[Rows·p + r] = A(i + r, p), rows past m zero and never stored back), then Rows × Columns register tiles of
/// Rows/2 × Columns two-lane accumulators. The unroll pragmas make g++ -O2 keep the tile in registers (clang
/// unrolls these constant-trip loops on its own).
template <int Rows, int Columns>
void gemmTiles(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k) {
  static_assert(Rows % 2 == 0, "rows come in lane pairs");
  constexpr int kPairs = Rows / 2;
  if (m <= 0 || n <= 0) return;
  std::vector<double> panel(static_cast<std::size_t>(Rows) * std::max(k, 1));
  for (int i = 0; i < m; i += Rows) {
    const int rows = std::min(Rows, m - i);
    for (int p = 0; p < k; ++p) {
      const double* column = a + static_cast<std::ptrdiff_t>(p) * lda + i;
      for (int r = 0; r < Rows; ++r) panel[static_cast<std::size_t>(Rows) * p + r] = r < rows ? column[r] : 0.0;
    }
    for (int j = 0; j < n; j += Columns) {
      const double* bColumn[Columns];
      _Pragma("GCC unroll 8") for (int q = 0; q < Columns; ++q) bColumn[q] = b + static_cast<std::ptrdiff_t>(j + q) * ldb;
      F64x2 acc[Columns][kPairs];
      _Pragma("GCC unroll 8") for (int q = 0; q < Columns; ++q)
        _Pragma("GCC unroll 8") for (int r = 0; r < kPairs; ++r) acc[q][r] = splat(0.0);
      const double* packed = panel.data();
      for (int p = 0; p < k; ++p, packed += Rows) {
        F64x2 x[kPairs];
        _Pragma("GCC unroll 8") for (int r = 0; r < kPairs; ++r) x[r] = load(packed + 2 * r);
        _Pragma("GCC unroll 8") for (int q = 0; q < Columns; ++q) {
          const F64x2 s = splat(bColumn[q][p]);
          _Pragma("GCC unroll 8") for (int r = 0; r < kPairs; ++r) acc[q][r] = acc[q][r] + x[r] * s;
        }
      }
      if (rows == Rows) {  // a full tile straight from the registers
        _Pragma("GCC unroll 8") for (int q = 0; q < Columns; ++q)
          _Pragma("GCC unroll 8") for (int r = 0; r < kPairs; ++r)
            store(c + static_cast<std::ptrdiff_t>(j + q) * ldc + i + 2 * r, acc[q][r]);
        continue;
      }
      // The last rows: through a tile in memory. (Full tiles went this way too, and the copy loop of `rows` entries
      // became a memcpy call per column of every tile: 8.7 % of neural-collapse terminal-phase in WASM SIMD, 5 % of
      // the 200×200 product.)
      alignas(16) double tile[Rows * Columns];  // tile[Rows·q + r] = C(i + r, j + q)
      _Pragma("GCC unroll 8") for (int q = 0; q < Columns; ++q)
        _Pragma("GCC unroll 8") for (int r = 0; r < kPairs; ++r) store(tile + Rows * q + 2 * r, acc[q][r]);
      for (int q = 0; q < Columns; ++q)
        for (int r = 0; r < rows; ++r) c[static_cast<std::ptrdiff_t>(j + q) * ldc + i + r] = tile[Rows * q + r];
    }
  }
}

}  // namespace

void gemm(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k) {
  // Full tiles; the last m mod kTileRows rows in tiles of two rows (instead of padding a whole block with zeros);
  // the last n mod kTileColumns columns one at a time.
  const int mainRows = m - m % kTileRows, mainColumns = n - n % kTileColumns;
  const double* bRest = b + static_cast<std::ptrdiff_t>(mainColumns) * ldb;
  double* cRest = c + static_cast<std::ptrdiff_t>(mainColumns) * ldc;
  gemmTiles<kTileRows, kTileColumns>(a, lda, b, ldb, c, ldc, mainRows, mainColumns, k);
  gemmTiles<kTileRows, 1>(a, lda, bRest, ldb, cRest, ldc, mainRows, n - mainColumns, k);
  gemmTiles<2, kTileColumns>(a + mainRows, lda, b, ldb, c + mainRows, ldc, m - mainRows, mainColumns, k);
  gemmTiles<2, 1>(a + mainRows, lda, bRest, ldb, cRest + mainRows, ldc, m - mainRows, n - mainColumns, k);
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
  Eigen::MatrixXd g;
  columnGramInto(x, g);
  return g;
}

void columnGramInto(const Eigen::MatrixXd& x, Eigen::MatrixXd& g) {
  const int rows = static_cast<int>(x.rows()), d = static_cast<int>(x.cols());
  g.resize(d, d);
  if (d == 0) return;
  // Micro-tile: columns i..i+3 against columns j, j+1 (8 two-lane accumulators; per row pair 6 loads feed 8
  // multiply-adds). Tiles cover i ≥ j; entries above the diagonal inside a tile, and tiles' columns past d
  // (pointed at column j, a valid address), are computed and never stored. The rows are taken in chunks of
  // kChunkPairs row pairs so that a chunk of X stays in cache while every tile passes over it; between chunks
  // each tile's lanes wait in `partial` (stored and reloaded exactly), so every lane is still one running sum
  // over its rows in ascending order — the reference's order, whatever the chunk size.
  // 256 row pairs: a 1000 × 200 X in WebAssembly SIMD took 2.35 / 2.18 / 2.07 / 2.04 / 2.03 ms in chunks of
  // 32 / 64 / 128 / 256 / 500 pairs (one run); for d = 200 a chunk of 256 pairs is 0.8 MB of X, inside L2.
  constexpr int kChunkPairs = 256;
  const int pairs = rows / 2;
  const double* base = x.data();
  const auto column = [&](int c) { return base + static_cast<std::ptrdiff_t>(c < d ? c : 0) * rows; };
  int tiles = 0;
  for (int j = 0; j < d; j += 2) tiles += (d - j + 3) / 4;
  thread_local std::vector<F64x2> partial;  // kept between calls: one allocation, not one per Gram matrix
  partial.assign(static_cast<std::size_t>(tiles) * 8, splat(0.0));
  for (int from = 0; from < pairs; from += kChunkPairs) {
    const int to = std::min(pairs, from + kChunkPairs);
    F64x2* acc = partial.data();
    for (int j = 0; j < d; j += 2) {
      const double* xj0 = column(j);
      const double* xj1 = j + 1 < d ? column(j + 1) : xj0;
      for (int i = j; i < d; i += 4, acc += 8) {
        const double* xi0 = column(i);
        const double* xi1 = i + 1 < d ? column(i + 1) : xj0;
        const double* xi2 = i + 2 < d ? column(i + 2) : xj0;
        const double* xi3 = i + 3 < d ? column(i + 3) : xj0;
        F64x2 a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3], a20 = acc[4], a21 = acc[5], a30 = acc[6], a31 = acc[7];
        for (int p = 2 * from; p < 2 * to; p += 2) {
          const F64x2 v0 = load(xj0 + p), v1 = load(xj1 + p);
          F64x2 u = load(xi0 + p);
          a00 = a00 + u * v0; a01 = a01 + u * v1;
          u = load(xi1 + p);
          a10 = a10 + u * v0; a11 = a11 + u * v1;
          u = load(xi2 + p);
          a20 = a20 + u * v0; a21 = a21 + u * v1;
          u = load(xi3 + p);
          a30 = a30 + u * v0; a31 = a31 + u * v1;
        }
        acc[0] = a00; acc[1] = a01; acc[2] = a10; acc[3] = a11; acc[4] = a20; acc[5] = a21; acc[6] = a30; acc[7] = a31;
      }
    }
  }
  // Lanes (even rows, odd rows) to entries; the last row of an odd count joins the even lane first.
  const F64x2* acc = partial.data();
  for (int j = 0; j < d; j += 2)
    for (int i = j; i < d; i += 4, acc += 8)
      for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 2; ++c) {
          const int row = i + r, col = j + c;
          if (row >= d || col >= d || row < col) continue;
          const F64x2 sum = acc[2 * r + c];
          double even = lane(sum, 0);
          if (rows % 2) even = even + column(row)[rows - 1] * column(col)[rows - 1];
          g(row, col) = g(col, row) = even + lane(sum, 1);
        }
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
  // Four columns j..j+3 at a time, in the 4 rows × 4 columns register tile of lowerGram: for every row tile
  // i..i+3 (i ≥ j), s(r, c) = A(r, c) − Σ_{k<j} L(r,k)·L(c,k) with k ascending (the reference's order). The
  // block's own terms k = j..c−1 follow column by column once each column is final, so every entry subtracts its
  // terms in ascending k and is divided last, exactly as choleskyReference does.
  // A zero-padded square copy (a multiple of four) gives the tile one fixed shape; padded rows and columns are
  // never stored back, and upper-triangle entries of the diagonal tile are not stored, so they stay zero.
  const int rows = (d + 3) & ~3;
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(rows, rows);
  for (int j = 0; j < d; ++j)
    for (int i = j; i < d; ++i) l(i, j) = a(i, j);
  double* base = l.data();
  const auto column = [&](int c) { return base + static_cast<std::ptrdiff_t>(c) * rows; };
  for (int j = 0; j < d; j += 4) {
    for (int i = j; i < d; i += 4) {
      double* c0 = column(j);
      F64x2 a0 = load(c0 + i), a1 = load(c0 + rows + i), a2 = load(c0 + 2 * rows + i), a3 = load(c0 + 3 * rows + i);
      F64x2 b0 = load(c0 + i + 2), b1 = load(c0 + rows + i + 2), b2 = load(c0 + 2 * rows + i + 2), b3 = load(c0 + 3 * rows + i + 2);
      const double* rowTile = base + i;  // L(i..i+3, k) at rowTile[k·rows]
      const double* block = base + j;    // L(j..j+3, k) at block[k·rows]
      for (int k = 0; k < j; ++k, rowTile += rows, block += rows) {
        const F64x2 r0 = load(rowTile), r1 = load(rowTile + 2);
        const F64x2 s0 = splat(block[0]), s1 = splat(block[1]), s2 = splat(block[2]), s3 = splat(block[3]);
        a0 = a0 - r0 * s0; a1 = a1 - r0 * s1; a2 = a2 - r0 * s2; a3 = a3 - r0 * s3;
        b0 = b0 - r1 * s0; b1 = b1 - r1 * s1; b2 = b2 - r1 * s2; b3 = b3 - r1 * s3;
      }
      alignas(16) double tile[16];  // tile[8·(r/2) + 2·c + r%2] = s(i + r, j + c)
      store(tile, a0); store(tile + 2, a1); store(tile + 4, a2); store(tile + 6, a3);
      store(tile + 8, b0); store(tile + 10, b1); store(tile + 12, b2); store(tile + 14, b3);
      for (int c = 0; c < 4 && j + c < d; ++c)
        for (int r = 0; r < 4 && i + r < d; ++r)
          if (i + r >= j + c) column(j + c)[i + r] = tile[8 * (r / 2) + 2 * c + r % 2];
    }
    for (int c = j; c < std::min(j + 4, d); ++c) {
      double* current = column(c);
      const double pivot = current[c];
      if (!(pivot > 0.0) || !std::isfinite(pivot)) return false;
      const double diagonal = std::sqrt(pivot);
      current[c] = diagonal;
      for (int i = c + 1; i < d; ++i) current[i] = current[i] / diagonal;
      for (int later = c + 1; later < std::min(j + 4, d); ++later) {  // the term k = c of the block's later columns
        subtractScaled(column(later) + later, current + later, current[later], d - later);
      }
    }
  }
  lower = l.topLeftCorner(d, d);
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

Eigen::VectorXd matVec(const Eigen::MatrixXd& a, const Eigen::VectorXd& x) {
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(a.cols());
  Eigen::VectorXd y(m);
  const double* base = a.data();
  int i = 0;
  for (; i + 8 <= m; i += 8) {
    F64x2 s0 = splat(0.0), s1 = s0, s2 = s0, s3 = s0;
    const double* column = base + i;
    for (int k = 0; k < n; ++k, column += m) {
      const F64x2 xk = splat(x[k]);
      s0 = s0 + load(column) * xk; s1 = s1 + load(column + 2) * xk;
      s2 = s2 + load(column + 4) * xk; s3 = s3 + load(column + 6) * xk;
    }
    store(y.data() + i, s0); store(y.data() + i + 2, s1); store(y.data() + i + 4, s2); store(y.data() + i + 6, s3);
  }
  for (; i + 2 <= m; i += 2) {
    F64x2 s = splat(0.0);
    for (int k = 0; k < n; ++k) s = s + load(base + static_cast<std::ptrdiff_t>(k) * m + i) * splat(x[k]);
    store(y.data() + i, s);
  }
  for (; i < m; ++i) {
    double s = 0.0;
    for (int k = 0; k < n; ++k) s = s + a(i, k) * x[k];
    y[i] = s;
  }
  return y;
}

Eigen::VectorXd matVecReference(const Eigen::MatrixXd& a, const Eigen::VectorXd& x) {
  Eigen::VectorXd y(a.rows());
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    double s = 0.0;
    for (Eigen::Index k = 0; k < a.cols(); ++k) s = s + a(i, k) * x[k];
    y[i] = s;
  }
  return y;
}

Eigen::VectorXd transposedMatVec(const Eigen::MatrixXd& a, const Eigen::VectorXd& x) {
  // Column j is contiguous, so two neighbouring columns share a register (lane 0: column j, lane 1: column j + 1)
  // and each row's x(i) is splatted: every lane is one output's running sum, in ascending i as in the reference.
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(a.cols());
  Eigen::VectorXd y(n);
  const double* xs = x.data();
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    const double* c0 = a.data() + static_cast<std::ptrdiff_t>(j) * m;
    const double *c1 = c0 + m, *c2 = c1 + m, *c3 = c2 + m;
    F64x2 s01 = splat(0.0), s23 = s01;
    for (int i = 0; i < m; ++i) {
      const F64x2 xi = splat(xs[i]);
      s01 = s01 + make(c0[i], c1[i]) * xi;
      s23 = s23 + make(c2[i], c3[i]) * xi;
    }
    store(y.data() + j, s01);
    store(y.data() + j + 2, s23);
  }
  for (; j < n; ++j) {
    const double* c = a.data() + static_cast<std::ptrdiff_t>(j) * m;
    double s = 0.0;
    for (int i = 0; i < m; ++i) s = s + c[i] * xs[i];
    y[j] = s;
  }
  return y;
}

Eigen::VectorXd transposedMatVecReference(const Eigen::MatrixXd& a, const Eigen::VectorXd& x) {
  Eigen::VectorXd y(a.cols());
  for (Eigen::Index j = 0; j < a.cols(); ++j) {
    double s = 0.0;
    for (Eigen::Index i = 0; i < a.rows(); ++i) s = s + a(i, j) * x[i];
    y[j] = s;
  }
  return y;
}

Eigen::VectorXd solveLower(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b) {
  // Column-oriented: once y(j) is known, it is subtracted from every later entry (ascending j for each entry).
  const int d = static_cast<int>(lower.rows());
  Eigen::VectorXd y = b;
  double* out = y.data();
  for (int j = 0; j < d; ++j) {
    const double* column = lower.data() + static_cast<std::ptrdiff_t>(j) * d;
    out[j] = out[j] / column[j];
    subtractScaled(out + j + 1, column + j + 1, out[j], d - j - 1);
  }
  return y;
}

Eigen::VectorXd solveLowerReference(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b) {
  const Eigen::Index d = lower.rows();
  Eigen::VectorXd y(d);
  for (Eigen::Index i = 0; i < d; ++i) {
    double s = b[i];
    for (Eigen::Index j = 0; j < i; ++j) s = s - lower(i, j) * y[j];
    y[i] = s / lower(i, i);
  }
  return y;
}

Eigen::VectorXd solveLowerTransposed(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b) {
  const int d = static_cast<int>(lower.rows());
  Eigen::VectorXd x(d);
  double* out = x.data();
  for (int j = d - 1; j >= 0; --j) {
    const double* column = lower.data() + static_cast<std::ptrdiff_t>(j) * d;
    out[j] = (b[j] - dot(column + j + 1, out + j + 1, d - j - 1)) / column[j];
  }
  return x;
}

Eigen::VectorXd solveLowerTransposedReference(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b) {
  const Eigen::Index d = lower.rows();
  Eigen::VectorXd x(d);
  for (Eigen::Index j = d - 1; j >= 0; --j) {
    double lane0 = 0.0, lane1 = 0.0;
    Eigen::Index i = j + 1;
    for (; i + 2 <= d; i += 2) {
      lane0 = lane0 + lower(i, j) * x[i];
      lane1 = lane1 + lower(i + 1, j) * x[i + 1];
    }
    if (i < d) lane0 = lane0 + lower(i, j) * x[i];
    x[j] = (b[j] - (lane0 + lane1)) / lower(j, j);
  }
  return x;
}

Eigen::VectorXd solveCholesky(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b) {
  return solveLowerTransposed(lower, solveLower(lower, b));
}

Eigen::MatrixXd product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd c(a.rows(), b.cols());
  // One column: matVec forms the very same sums (from 0, ascending k, no contraction) without packing A, which for a
  // matrix-vector product would double the memory traffic (kernel-chain's test predictions, 1.8× slower).
  if (b.cols() == 1 && a.cols() > 0) {
    c.col(0) = matVec(a, b.col(0));
    return c;
  }
  gemm(a.data(), static_cast<int>(a.rows()), b.data(), static_cast<int>(b.rows()), c.data(), static_cast<int>(c.rows()),
       static_cast<int>(a.rows()), static_cast<int>(b.cols()), static_cast<int>(a.cols()));
  return c;
}

}  // namespace collapse::simd
