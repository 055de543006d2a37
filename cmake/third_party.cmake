# Third-party headers from Debian's packages (libeigen3-dev, nlohmann-json3-dev, catch2).
# The Emscripten sysroot must not see the host's /usr/include (its libc headers would shadow the sysroot's),
# so each library is exposed through a directory of its own: Eigen's include dir, and a staging directory
# in the build tree holding symlinks to nlohmann/ and catch2/ only.
find_path(EIGEN3_INCLUDE_DIR Eigen/Dense PATHS /usr/include/eigen3 NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_path(NLOHMANN_PARENT_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_path(CATCH2_PARENT_DIR catch2/catch.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(COLLAPSE_STAGED_INCLUDE "${CMAKE_BINARY_DIR}/third_party_include")
file(MAKE_DIRECTORY "${COLLAPSE_STAGED_INCLUDE}")
file(CREATE_LINK "${NLOHMANN_PARENT_DIR}/nlohmann" "${COLLAPSE_STAGED_INCLUDE}/nlohmann" SYMBOLIC)
file(CREATE_LINK "${CATCH2_PARENT_DIR}/catch2" "${COLLAPSE_STAGED_INCLUDE}/catch2" SYMBOLIC)

add_library(collapse_third_party INTERFACE)
target_include_directories(collapse_third_party SYSTEM INTERFACE "${EIGEN3_INCLUDE_DIR}" "${COLLAPSE_STAGED_INCLUDE}")

# One bit pattern in every build (native, WebAssembly SIMD, WebAssembly scalar; docs/determinism.md):
# * Eigen's hand-vectorised paths exist for SSE2 but not for WebAssembly, and its SSE2 reductions sum in another
#   order than its scalar ones, so Eigen runs scalar everywhere; the hot loops that deserve SIMD are our own
#   kernels (core/include/collapse/simd/) with the same two f64 lanes and operation order on SSE2 and SIMD128.
# * The product blocking sizes are fixed instead of queried from the CPU (CPUID natively, defaults in
#   WebAssembly): the depth blocking decides how partial sums are rounded.
target_compile_definitions(collapse_third_party INTERFACE
  EIGEN_DONT_VECTORIZE
  EIGEN_NO_CPUID
  EIGEN_DEFAULT_L1_CACHE_SIZE=32768
  EIGEN_DEFAULT_L2_CACHE_SIZE=262144
  EIGEN_DEFAULT_L3_CACHE_SIZE=2097152
  EIGEN_ARCH_DEFAULT_NUMBER_OF_REGISTERS=8)
