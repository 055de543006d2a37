// The determinism hash of every experiment (tests/determinism/recorded_hashes.json), checked in every build of
// this suite: natively and as WebAssembly SIMD and scalar. All three must print the recorded hash; the
// guarantee is stated in docs/determinism.md. How to add an experiment's hash: see the "about" of that file.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/result/determinism_hash.hpp"
#include "collapse/sweep/plan.hpp"

namespace {

const nlohmann::json& recordedTable() {
  static const nlohmann::json table = nlohmann::json::parse(
#include "recorded_hashes.inc"
  );
  return table;
}

}  // namespace

TEST_CASE("SHA-256: FIPS 180-4 test vectors", "[determinism]") {
  CHECK(collapse::sha256Hex("", 0) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(collapse::sha256Hex("abc", 3) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";  // 56 bytes: two padding blocks
  CHECK(collapse::sha256Hex(two.data(), two.size()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  const std::string million(1000000, 'a');
  CHECK(collapse::sha256Hex(million.data(), million.size()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Determinism: every experiment's recorded hash, in this build", "[determinism]") {
  std::set<std::string> covered;
  for (const auto& entry : recordedTable().at("entries")) {
    const std::string name = entry.at("name");
    const collapse::Plan plan = collapse::makePlan(collapse::Request::fromJson(entry.at("request")));
    covered.insert(plan.experiment->info().key);
    const std::string hash = collapse::determinismHash(plan);
    INFO(name << ": computed " << hash);
    CHECK(hash == entry.at("sha256").get<std::string>());
  }
  // A new experiment without an entry fails here, so its hash is recorded from the day it lands.
  for (const auto* experiment : collapse::allExperiments()) {
    INFO("no determinism entry for " << experiment->info().key << " in tests/determinism/recorded_hashes.json");
    CHECK(covered.count(experiment->info().key) == 1);
  }
}
