#include "collapse/catalogue/validation_error.hpp"

namespace collapse {

ValidationError::ValidationError(std::vector<Issue> issues)
    : std::runtime_error(joinMessages(issues)), issues_(std::move(issues)) {}

std::string ValidationError::joinMessages(const std::vector<Issue>& issues) {
  std::string text;
  for (const auto& issue : issues) text += (text.empty() ? "" : "\n") + issue.message;
  return text;
}

}  // namespace collapse
