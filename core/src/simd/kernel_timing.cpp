#include "collapse/simd/kernel_timing.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>

#include <Eigen/Dense>

#include "collapse/math/portable_math.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/result/order_statistics.hpp"
#include "collapse/simd/matrix_kernels.hpp"
#include "collapse/simd/symmetric_eigen.hpp"
#include "collapse/simd/vector_math.hpp"

namespace collapse::simd {

namespace {

volatile double sink = 0.0;  // keeps the optimiser from dropping the work

Eigen::MatrixXd randomMatrix(int rows, int cols) {
  Rng rng(1, 0);
  NormalSampler normal(rng);
  Eigen::MatrixXd m(rows, cols);
  normal.fill(m.data(), m.size());
  return m;
}

std::function<void()> kernel(const std::string& name, int n) {
  if (name == "gemm" || name == "eigen-gemm") {
    auto a = std::make_shared<Eigen::MatrixXd>(randomMatrix(n, n)), b = std::make_shared<Eigen::MatrixXd>(randomMatrix(n, n));
    if (name == "gemm") return [a, b] { sink = sink + product(*a, *b)(0, 0); };
    return [a, b] { Eigen::MatrixXd c = (*a) * (*b); sink = sink + c(0, 0); };
  }
  if (name == "lower-gram" || name == "eigen-lower-gram") {
    auto l = std::make_shared<Eigen::MatrixXd>(randomMatrix(n, n).triangularView<Eigen::Lower>());
    if (name == "lower-gram") return [l] { sink = sink + lowerGram(*l)(0, 0); };
    return [l] { Eigen::MatrixXd g = (*l) * l->transpose(); sink = sink + g(0, 0); };  // the dense product it replaces
  }
  if (name == "column-gram" || name == "eigen-column-gram") {
    auto x = std::make_shared<Eigen::MatrixXd>(randomMatrix(5 * n, n));
    if (name == "column-gram") return [x] { sink = sink + columnGram(*x)(0, 0); };
    return [x] { Eigen::MatrixXd g = x->transpose() * (*x); sink = sink + g(0, 0); };
  }
  if (name == "cholesky" || name == "eigen-cholesky") {
    const Eigen::MatrixXd x = randomMatrix(2 * n, n);
    auto a = std::make_shared<Eigen::MatrixXd>(x.transpose() * x);
    if (name == "cholesky") return [a] { Eigen::MatrixXd l; cholesky(*a, l); sink = sink + l(0, 0); };
    return [a] { Eigen::LLT<Eigen::MatrixXd> llt(*a); sink = sink + llt.matrixLLT()(0, 0); };
  }
  if (name == "symmetric-eigen" || name == "eigen-symmetric-eigen") {
    auto a = std::make_shared<Eigen::MatrixXd>(randomMatrix(2 * n, n).transpose() * randomMatrix(2 * n, n) / (2.0 * n));
    if (name == "symmetric-eigen") return [a] { const SymmetricEigen e(*a); sink = sink + e.eigenvectors()(0, 0); };
    return [a] { const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> e(*a); sink = sink + e.eigenvectors()(0, 0); };
  }
  if (name == "mat-vec" || name == "eigen-mat-vec") {
    auto a = std::make_shared<Eigen::MatrixXd>(randomMatrix(n, n));
    auto x = std::make_shared<Eigen::VectorXd>(randomMatrix(n, 1));
    if (name == "mat-vec") return [a, x] { sink = sink + matVec(*a, *x)[0]; };
    return [a, x] { Eigen::VectorXd y = (*a) * (*x); sink = sink + y[0]; };
  }
  if (name == "lower-solve" || name == "eigen-lower-solve") {  // L⁻ᵀ·L⁻¹·b, the two solves of a Cholesky system
    auto l = std::make_shared<Eigen::MatrixXd>(randomMatrix(n, n).triangularView<Eigen::Lower>());
    l->diagonal().array() += 2.0 * std::sqrt(static_cast<double>(n));
    auto b = std::make_shared<Eigen::VectorXd>(randomMatrix(n, 1));
    if (name == "lower-solve") return [l, b] { sink = sink + solveCholesky(*l, *b)[0]; };
    return [l, b] {
      Eigen::VectorXd y = l->triangularView<Eigen::Lower>().solve(*b);
      l->transpose().triangularView<Eigen::Upper>().solveInPlace(y);
      sink = sink + y[0];
    };
  }
  if (name == "normals" || name == "normals-single") {
    auto out = std::make_shared<std::vector<double>>(static_cast<std::size_t>(n) * 1000);
    const bool batched = name == "normals";
    return [out, batched] {
      Rng rng(2, 0);
      NormalSampler normal(rng);
      if (batched) normal.fill(out->data(), out->size());
      else for (auto& v : *out) v = normal();
      sink = sink + (*out)[0];
    };
  }
  if (name == "exp" || name == "exp-single") {
    auto in = std::make_shared<std::vector<double>>(static_cast<std::size_t>(n) * 1000);
    for (std::size_t i = 0; i < in->size(); ++i) (*in)[i] = -20.0 + 40.0 * static_cast<double>(i) / static_cast<double>(in->size());
    auto out = std::make_shared<std::vector<double>>(in->size());
    if (name == "exp") return [in, out] { expArray(in->data(), out->data(), in->size()); sink = sink + (*out)[1]; };
    return [in, out] { for (std::size_t i = 0; i < in->size(); ++i) (*out)[i] = math::exp((*in)[i]); sink = sink + (*out)[1]; };
  }
  if (name == "log" || name == "log-single" || name == "log1p" || name == "log1p-single") {
    // log over (0, 40], log1p over (−1, 39]: the ranges the KDE, language and tails code feeds them.
    const bool plusOne = name.rfind("log1p", 0) == 0;
    auto in = std::make_shared<std::vector<double>>(static_cast<std::size_t>(n) * 1000);
    for (std::size_t i = 0; i < in->size(); ++i) (*in)[i] = 40.0 * static_cast<double>(i + 1) / static_cast<double>(in->size()) - (plusOne ? 1.0 : 0.0);
    auto out = std::make_shared<std::vector<double>>(in->size());
    if (name == "log") return [in, out] { logArray(in->data(), out->data(), in->size()); sink = sink + (*out)[1]; };
    if (name == "log1p") return [in, out] { log1pArray(in->data(), out->data(), in->size()); sink = sink + (*out)[1]; };
    if (plusOne) return [in, out] { for (std::size_t i = 0; i < in->size(); ++i) (*out)[i] = math::log1p((*in)[i]); sink = sink + (*out)[1]; };
    return [in, out] { for (std::size_t i = 0; i < in->size(); ++i) (*out)[i] = math::log((*in)[i]); sink = sink + (*out)[1]; };
  }
  if (name == "quantiles" || name == "nth-element-quantiles") {
    // summarise's 10 %, 50 % and 90 % order statistics of 2n keys (400 for n = 200: the trials of a preset), for
    // 100 sets of keys: selectRanks against the three std::nth_element it replaced.
    Rng rng(3, 0);
    auto sets = std::make_shared<std::vector<std::vector<std::uint64_t>>>(100, std::vector<std::uint64_t>(2 * static_cast<std::size_t>(n)));
    for (auto& keys : *sets)
      for (auto& key : keys) key = rng.nextU64() >> 12;  // the keys of positive doubles share their top bits
    auto work = std::make_shared<std::vector<std::uint64_t>>();
    const bool selected = name == "quantiles";
    return [sets, work, selected] {
      for (const auto& keys : *sets) {
        *work = keys;
        const std::size_t last = work->size() - 1, ranks[3] = {last / 10, last / 2, last * 9 / 10};
        if (selected) selectRanks(work->data(), work->size(), ranks, 3);
        else
          for (std::size_t r : ranks) std::nth_element(work->begin(), work->begin() + static_cast<std::ptrdiff_t>(r), work->end());
        sink = sink + static_cast<double>((*work)[ranks[1]]);
      }
    };
  }
  throw std::invalid_argument("unknown kernel '" + name + "'");
}

}  // namespace

std::vector<std::string> kernelNames() {
  return {"gemm", "eigen-gemm", "lower-gram", "eigen-lower-gram", "column-gram", "eigen-column-gram",
          "cholesky", "eigen-cholesky", "symmetric-eigen", "eigen-symmetric-eigen", "mat-vec", "eigen-mat-vec", "lower-solve", "eigen-lower-solve", "normals", "normals-single", "exp", "exp-single", "log", "log-single", "log1p", "log1p-single", "quantiles", "nth-element-quantiles"};
}

double timeKernel(const std::string& name, int size, int repeats) {
  const auto run = kernel(name, size);
  // Warm-up: in WebAssembly, V8 first runs a function as baseline (Liftoff) code and swaps in optimised code only
  // after it has run a while; a few warm-up calls of a sub-millisecond kernel timed the baseline code (the 200×200
  // Cholesky seemed slower in SIMD than in scalar). Warm up for at least 20 calls and 0.2 s.
  const auto warmStart = std::chrono::steady_clock::now();
  for (int call = 0; call < 20 || std::chrono::steady_clock::now() - warmStart < std::chrono::milliseconds(200); ++call) run();
  double best = 1e300;
  for (int r = 0; r < std::max(1, repeats); ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

}  // namespace collapse::simd
