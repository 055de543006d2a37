#pragma once
/// @file kernel_parameters.hpp
/// The kernel-ridge parameters that kernel-chain and kernel-real-vs-synthetic share (kernel, RBF bandwidth,
/// polynomial degree, target), declared once; each experiment says in `description` what they apply to.
#include <string>

#include "collapse/catalogue/parameter.hpp"

namespace collapse::kernel_parameters {

Parameter kernel(const std::string& description);
Parameter bandwidth(const std::string& description);
Parameter degree();
Parameter target(const std::string& description);

}  // namespace collapse::kernel_parameters
