#pragma once
/// @file validation_error.hpp
/// The one exception the core throws for bad input. It carries every problem found, not only the first, so a
/// user fixes them all at once. The CLI turns it into exit code 2; the Embind layer into a JS Error.
#include <stdexcept>
#include <string>
#include <vector>

#include "collapse/catalogue/parameter.hpp"

namespace collapse {

class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<Issue> issues);
  const std::vector<Issue>& issues() const { return issues_; }

 private:
  static std::string joinMessages(const std::vector<Issue>& issues);
  std::vector<Issue> issues_;
};

}  // namespace collapse
