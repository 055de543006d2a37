#pragma once
/// @file kernel_timing.hpp
/// Times one kernel in-process, for `npm run bench` (bench/run.mjs): natively through collapse-bench --kernel,
/// in WebAssembly through the module's timeKernel(). Speed is measured there, never in tests.
#include <string>
#include <vector>

namespace collapse::simd {

/// The kernels timeKernel knows, each with its "before" twin: gemm / eigen-gemm (size×size product),
/// lower-gram / eigen-lower-gram (L·Lᵀ of a size×size lower-triangular L), column-gram / eigen-column-gram
/// (XᵀX of size·5 rows × size columns), normals / normals-single (size·1000 N(0,1) batched vs one at a time),
/// exp / exp-single (size·1000 exps, two lanes vs the scalar function).
std::vector<std::string> kernelNames();

/// Best wall-clock seconds of `repeats` runs of kernel `name` at `size`; throws std::invalid_argument for an
/// unknown name.
double timeKernel(const std::string& name, int size, int repeats);

}  // namespace collapse::simd
