#pragma once
/// @file matrix_kernels.hpp
/// Dense f64 matrix kernels on two lanes (collapse/simd/f64x2.hpp), column-major like Eigen's default:
///   gemm              C = A·B                      (general product: A packed, an 8 × 2 register tile — 6 × 4 in the scalar build)
///   lowerGram         G = L·Lᵀ for lower-triangular L  (the Bartlett products, d³/6 multiply-adds instead of d³)
///   columnGram        G = XᵀX                      (SYRK of explicit rows: only the lower triangle is computed)
///   cholesky          L with L·Lᵀ = A (left-looking, four columns at a time in a 4 × 4 register tile)
///   matVec            y = A·x                      (eight rows at a time, columns in ascending order)
///   transposedMatVec  y = Aᵀ·x                     (four columns at a time, rows in ascending order)
///   solveLower        L⁻¹·b, forward substitution  (column by column: an axpy on two lanes)
///   solveLowerTransposed  L⁻ᵀ·b, back substitution (a two-lane dot product per entry)
/// Each has a scalar reference (…Reference) that performs the same operations in the same order — every entry is
/// a sum over k in ascending order, in the lane layout documented per kernel — so kernel and reference, and the
/// native, WebAssembly SIMD and WebAssembly scalar builds, give identical bits (tests/core/simd_kernels_test.cpp).
#include <Eigen/Dense>

namespace collapse::simd {

/// C(m×n) = A(m×k)·B(k×n); every entry Σ_k A(i,k)·B(k,j) accumulated from 0 in ascending k.
void gemm(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k);
void gemmReference(const double* a, int lda, const double* b, int ldb, double* c, int ldc, int m, int n, int k);

/// L·Lᵀ of the lower triangle of `lower` (entries above the diagonal are ignored, i.e. taken as 0):
/// G(i,j) = Σ_{k ≤ min(i,j)} L(i,k)·L(j,k) in ascending k, mirrored to the upper triangle.
Eigen::MatrixXd lowerGram(const Eigen::MatrixXd& lower);
Eigen::MatrixXd lowerGramReference(const Eigen::MatrixXd& lower);

/// XᵀX: G(i,j) = the dot product of columns i and j, summed in two lanes (even rows, odd rows; the last row of
/// an odd count goes to the even lane), the lanes added at the end; the lower triangle, mirrored.
Eigen::MatrixXd columnGram(const Eigen::MatrixXd& x);
/// The same into `g` (resized; no allocation when it already has the size): for loops that form one Gram matrix a
/// generation (its result and scratch had been most of gaussian-fitting's dlmalloc calls in WebAssembly).
void columnGramInto(const Eigen::MatrixXd& x, Eigen::MatrixXd& g);
Eigen::MatrixXd columnGramReference(const Eigen::MatrixXd& x);

/// Cholesky factor L (lower, zeros above the diagonal) of a symmetric positive-definite A, only A's lower
/// triangle read; left-looking: s = A(i,j) − Σ_{k<j} L(i,k)·L(j,k) in ascending k, L(j,j) = √s_jj,
/// L(i,j) = s_i / L(j,j), four columns at a time. Returns false (L unspecified) when a pivot s_jj is
/// not > 0 or not finite, i.e. A is not positive definite to working precision.
bool cholesky(const Eigen::MatrixXd& a, Eigen::MatrixXd& lower);
bool choleskyReference(const Eigen::MatrixXd& a, Eigen::MatrixXd& lower);

/// y = A·x: y(i) = Σ_k A(i,k)·x(k), accumulated from 0 in ascending k.
Eigen::VectorXd matVec(const Eigen::MatrixXd& a, const Eigen::VectorXd& x);
Eigen::VectorXd matVecReference(const Eigen::MatrixXd& a, const Eigen::VectorXd& x);

/// y = Aᵀ·x: y(j) = Σ_i A(i,j)·x(i), accumulated from 0 in ascending i — the order of Eigen's (unvectorised)
/// `a.transpose() * x`, so replacing it keeps the bits; lanes hold neighbouring columns, not partial sums.
Eigen::VectorXd transposedMatVec(const Eigen::MatrixXd& a, const Eigen::VectorXd& x);
Eigen::VectorXd transposedMatVecReference(const Eigen::MatrixXd& a, const Eigen::VectorXd& x);

/// L⁻¹·b for lower-triangular L (only its lower triangle read): y(i) = (b(i) − Σ_{j<i} L(i,j)·y(j)) / L(i,i), the
/// terms subtracted in ascending j.
Eigen::VectorXd solveLower(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b);
Eigen::VectorXd solveLowerReference(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b);

/// L⁻ᵀ·b: x(j) = (b(j) − s_j) / L(j,j) for j descending, s_j = Σ_{i>j} L(i,j)·x(i) in two lanes (lane 0 takes
/// i = j+1, j+3, …, lane 1 takes j+2, j+4, …, each in ascending i), s_j = lane 0 + lane 1.
Eigen::VectorXd solveLowerTransposed(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b);
Eigen::VectorXd solveLowerTransposedReference(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b);

/// (L·Lᵀ)⁻¹·b for a Cholesky factor L: solveLower, then solveLowerTransposed.
Eigen::VectorXd solveCholesky(const Eigen::MatrixXd& lower, const Eigen::VectorXd& b);

/// Eigen-friendly C = A·B through gemm (through matVec when B has one column: the same bits).
Eigen::MatrixXd product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);

}  // namespace collapse::simd
