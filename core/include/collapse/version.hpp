#pragma once
namespace collapse {
/// Version of the engine, written into every Result and export manifest.
inline constexpr const char* kVersion = "0.1.0";
}  // namespace collapse
