#pragma once
/// @file common_parameters.hpp
/// Parameters shared by several experiments, declared once so that `dim` means the same thing everywhere.
/// Each experiment lists the ones it uses, adjusting a default where its paper's figures need another.
#include "collapse/catalogue/parameter.hpp"

namespace collapse::parameters {

/// A numeric parameter (Integer or Real) with an inclusive range [min, max].
Parameter makeNumber(ParameterType type, std::string key, std::string symbol, std::string label, std::string unit,
                     double value, double min, double max, bool logScale, std::string description);

/// A choice parameter; `labels` are the display names of `choices`, in the same order.
Parameter makeChoice(std::string key, std::string symbol, std::string label, std::vector<std::string> choices,
                     std::vector<std::string> labels, std::string defaultChoice, std::string description);

Parameter seed();      ///< run seed; trial t uses the stream (seed, t)
Parameter trials();    ///< Monte Carlo repetitions
Parameter dim();       ///< input dimension d
Parameter samples();   ///< samples per fit T
Parameter noise();     ///< label-noise standard deviation σ
Parameter ridge();     ///< per-sample ridge λ
Parameter spectrum();  ///< isotropic | power
Parameter decay();     ///< power-law exponent β
Parameter signal();    ///< ‖w*‖

/// Returns `parameter` with another default.
Parameter withDefault(Parameter parameter, double value);
Parameter withDefault(Parameter parameter, const std::string& choice);

/// The upper bound on `dim`: a d×d double matrix stays well within the 2 GiB a WebAssembly module can address.
constexpr int kMaxDim = 2000;

}  // namespace collapse::parameters
