#include "collapse/catalogue/common_parameters.hpp"

namespace collapse::parameters {

Parameter makeNumber(ParameterType type, std::string key, std::string symbol, std::string label, std::string unit,
                     double value, double min, double max, bool logScale, std::string description) {
  Parameter p;
  p.key = std::move(key);
  p.symbol = std::move(symbol);
  p.label = std::move(label);
  p.unit = std::move(unit);
  p.type = type;
  p.defaultNumber = value;
  p.min = min;
  p.max = max;
  p.logScale = logScale;
  p.description = std::move(description);
  return p;
}

Parameter makeChoice(std::string key, std::string symbol, std::string label, std::vector<std::string> choices,
                     std::vector<std::string> labels, std::string defaultChoice, std::string description) {
  Parameter p;
  p.key = std::move(key);
  p.symbol = std::move(symbol);
  p.label = std::move(label);
  p.type = ParameterType::Choice;
  p.choices = std::move(choices);
  p.choiceLabels = std::move(labels);
  p.defaultChoice = std::move(defaultChoice);
  p.description = std::move(description);
  return p;
}

Parameter seed() {
  return makeNumber(ParameterType::Integer, "seed", "seed", "random seed", "", 1, 0, 4294967295.0, false,
                "Seed of the run; trial t draws from the stream (seed, t), so any split of trials gives the same result.");
}
Parameter trials() {
  return makeNumber(ParameterType::Integer, "trials", "R", "trials", "", 400, 1, 100000, true,
                "Independent Monte Carlo repetitions; the band and standard error are over these.");
}
Parameter dim() {
  return makeNumber(ParameterType::Integer, "dim", "d", "input dimension", "", 10, 1, kMaxDim, true,
                "Number of input features; inputs are x ~ N(0, Σ) with Σ a d×d diagonal covariance.");
}
Parameter samples() {
  return makeNumber(ParameterType::Integer, "samples", "T", "samples per fit", "", 100, 1, 1000000, true,
                "Training samples each model is fitted on (per generation).");
}
Parameter noise() {
  return makeNumber(ParameterType::Real, "noise", "σ", "label noise", "std. dev.", 1, 0, 1000, false,
                "Standard deviation of the Gaussian noise added to every label.");
}
Parameter ridge() {
  return makeNumber(ParameterType::Real, "ridge", "λ", "ridge penalty", "per sample", 0, 0, 1e6, true,
                "Ridge λ in argmin (1/T)‖Xw − y‖² + λ‖w‖²; 0 is least squares (minimum-norm when T < d).");
}
Parameter spectrum() {
  return makeChoice("spectrum", "Σ", "input covariance", {"isotropic", "power"},
                    {"isotropic (Σ = I)", "power law (sⱼ = j⁻ᵝ)"}, "isotropic",
                    "Eigenvalues of the input covariance: all 1, or decaying as j⁻ᵝ.");
}
Parameter decay() {
  return makeNumber(ParameterType::Real, "decay", "β", "spectral decay", "", 1.5, 0, 10, false,
                "Exponent β of the power-law spectrum sⱼ = j⁻ᵝ (used when spectrum = power).");
}
Parameter signal() {
  return makeNumber(ParameterType::Real, "signal", "‖w*‖", "signal norm", "", 1, 0, 1000, false,
                "Norm of the true weights w*, spread evenly over the eigen-directions of Σ.");
}

Parameter withDefault(Parameter parameter, double value) {
  parameter.defaultNumber = value;
  return parameter;
}
Parameter withDefault(Parameter parameter, const std::string& choice) {
  parameter.defaultChoice = choice;
  return parameter;
}

}  // namespace collapse::parameters
