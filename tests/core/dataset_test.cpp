// The real-data assets as the core reads them (docs/data.md): shapes, a few known facts of the data, and clear
// errors for a missing or malformed dataset.
#include <catch2/catch.hpp>

#include <numeric>
#include <string>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/brown_corpus.hpp"
#include "collapse/data/dataset_store.hpp"
#include "collapse/data/mnist_digits.hpp"

using namespace collapse;
using namespace collapse::data;

TEST_CASE("MNIST digits: 10 000 images of 28 × 28 bytes, class by class", "[data]") {
  const MnistDigits digits = mnistDigits();
  CHECK(digits.perClass == MnistDigits::kPerClass);
  CHECK(std::accumulate(digits.perClass.begin(), digits.perClass.end(), 0) == 10000);
  CHECK(*std::min_element(digits.perClass.begin(), digits.perClass.end()) == MnistDigits::kSmallestClass);
  // MNIST's mean grey level is 0.1307 of white (the usual normalisation constant of the training set): 33.3 of 255.
  double sum = 0;
  for (std::size_t i = 0; i < 10000u * MnistDigits::kPixels; ++i) sum += digits.pixels[i];
  CHECK(sum / (10000.0 * MnistDigits::kPixels) == Approx(0.1307 * 255).epsilon(0.01));
  // Digits are centred in the frame: the border rows are background.
  for (int digit = 0; digit < MnistDigits::kClasses; ++digit) {
    const std::uint8_t* image = digits.image(digit, 0);
    CHECK(std::accumulate(image, image + MnistDigits::kCols, 0) == 0);
    CHECK(std::accumulate(image + MnistDigits::kPixels / 2, image + MnistDigits::kPixels / 2 + MnistDigits::kCols, 0) > 0);
  }
  // "1"s have less ink than "0"s.
  auto ink = [&](int digit) {
    double total = 0;
    for (int k = 0; k < 100; ++k) total += std::accumulate(digits.image(digit, k), digits.image(digit, k) + MnistDigits::kPixels, 0.0);
    return total;
  };
  CHECK(ink(1) < 0.6 * ink(0));
}

TEST_CASE("Brown corpus: 500 documents, tags stripped, sentences ended by </s>", "[data]") {
  const BrownCorpus& corpus = brownCorpus();
  REQUIRE(corpus.documentNames.size() == 500);
  CHECK(corpus.documentNames.front() == "ca01");
  CHECK(corpus.documentNames.back() == "cr09");
  CHECK(corpus.vocabulary.size() == BrownCorpus::kVocabulary);
  CHECK(corpus.vocabulary[BrownCorpus::kSentenceEnd] == "</s>");
  CHECK(corpus.vocabulary[1] == "the");  // ids are frequency ranks
  std::string opening;
  for (int i = 0; i < 7; ++i) opening += (i ? " " : "") + corpus.vocabulary[corpus.tokens[i]];
  CHECK(opening == "the fulton county grand jury said friday");
  const auto sentences = std::count(corpus.tokens.begin(), corpus.tokens.end(), BrownCorpus::kSentenceEnd);
  CHECK(corpus.tokens.size() - sentences == 1161192);  // the Brown corpus's 1.16 million words
  CHECK(corpus.tokens.back() == BrownCorpus::kSentenceEnd);
  for (std::size_t k = 0; k + 1 < corpus.documentStart.size(); ++k) CHECK(corpus.documentStart[k] < corpus.documentStart[k + 1]);
}

TEST_CASE("Datasets: a missing or malformed one is a ValidationError naming it", "[data]") {
  try {
    require("no-such-dataset");
    FAIL("expected a ValidationError");
  } catch (const ValidationError& error) {
    REQUIRE(error.issues().size() == 1);
    CHECK(error.issues()[0].parameter == "dataset");
    CHECK(error.issues()[0].value == "no-such-dataset");
    CHECK_THAT(error.what(), Catch::Contains("no-such-dataset"));
  }
  const std::vector<std::uint8_t> original = require("mnist-digits");
  std::vector<std::uint8_t> truncated(original.begin(), original.begin() + 1000);
  provide("mnist-digits", truncated);
  CHECK_THROWS_WITH(mnistDigits(), Catch::Contains("mnist-digits is malformed (truncated)"));
  provide("mnist-digits", std::vector<std::uint8_t>(64, 7));
  CHECK_THROWS_WITH(mnistDigits(), Catch::Contains("malformed"));
  provide("mnist-digits", original);
  CHECK(mnistDigits().perClass == MnistDigits::kPerClass);
}
