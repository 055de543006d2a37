#include "collapse/experiments/kernel_parameters.hpp"

#include "collapse/catalogue/common_parameters.hpp"

namespace collapse::kernel_parameters {

namespace P = parameters;

Parameter kernel(const std::string& description) {
  return P::makeChoice("kernel", "k", "kernel", {"rbf", "polynomial"}, {"RBF exp(−‖x − x'‖²/2h²)", "polynomial (1 + xᵀx'/784)ᵖ"},
                       "rbf", description);
}

Parameter bandwidth(const std::string& description) {
  return P::makeNumber(ParameterType::Real, "bandwidth", "h", "RBF bandwidth", "", 0, 0, 1000, false, description);
}

Parameter degree() {
  return P::makeNumber(ParameterType::Integer, "degree", "p", "polynomial degree", "", 3, 1, 10, false, "Degree p of the polynomial kernel.");
}

Parameter target(const std::string& description) {
  return P::makeChoice("target", "y", "target", {"parity", "one-hot"}, {"parity (+1 odd, −1 even)", "one-hot classes (10 outputs)"},
                       "parity", description);
}

}  // namespace collapse::kernel_parameters
