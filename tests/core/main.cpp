// Catch2 entry point for the whole suite (native and WebAssembly).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
