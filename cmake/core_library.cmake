# collapse_add_core(<target> [compile options...]): the core library, built once natively and twice for
# WebAssembly (SIMD and scalar flavours differ only in their compile options).
file(GLOB_RECURSE COLLAPSE_CORE_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/core/src/*.cpp")

# Unity build: the core's ~75 sources are compiled as about ten files of eight. Most of a source's compile time was
# the Eigen and nlohmann/json templates it instantiates (products, decompositions, the JSON value), the same in
# many sources; compiled together they are instantiated once per batch. The core took a quarter less CPU, and it
# is compiled three times in npm test (natively, and in both WebAssembly flavours). Same code, same options: the
# determinism hashes (tests/determinism) check that the bits did not change. It needs names that are unique
# across the core, also inside anonymous namespaces (a clash is a compile error: rename the helper). A developer
# who edits one file at a time can configure with -DCOLLAPSE_UNITY_BUILD=OFF for single-file rebuilds.
option(COLLAPSE_UNITY_BUILD "Compile the core in batches of sources (faster fresh builds)" ON)

function(collapse_add_core target)
  add_library(${target} STATIC ${COLLAPSE_CORE_SOURCES})
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/core/include")
  target_link_libraries(${target} PUBLIC collapse_third_party)
  target_compile_options(${target} PUBLIC ${ARGN})
  if(COLLAPSE_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
  if(NOT EMSCRIPTEN)
    # Native tools read the real-data assets from the build tree (WebAssembly modules are handed them by the page).
    target_compile_definitions(${target} PRIVATE COLLAPSE_ASSET_DIR="${COLLAPSE_ASSET_DIR}")
  endif()
  if(EMSCRIPTEN)
    # The core reports bad input by exception; the Embind boundary turns it into a JS Error. The SIMD flavour uses
    # WebAssembly's own exception handling (every browser with SIMD128 has it): with Emscripten's JavaScript-based
    # exceptions, every call that may unwind goes out to a JS invoke_* trampoline and back, which was a fifth of
    # gaussian-fitting's time. The scalar flavour, for older engines, keeps the JavaScript form.
    if("-msimd128" IN_LIST ARGN)
      set(exceptions -fwasm-exceptions)
    else()
      set(exceptions -fexceptions)
    endif()
    target_compile_options(${target} PUBLIC ${exceptions})
    target_link_options(${target} PUBLIC ${exceptions})
  endif()
endfunction()
