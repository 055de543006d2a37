#pragma once
/// @file text_tokeniser.hpp
/// The reader's own text for experiment "language-model" (docs/theory/language-model.md §7): plain UTF-8 text cut
/// into lower-case words and sentences by the same rules everywhere (page, CLI, tests).
///   * A word is a run of letters, digits and bytes ≥ 0x80 (so UTF-8 letters stay whole), with apostrophes and
///     hyphens inside it ("don't", "well-known") and full stops between two letters or digits ("3.5", "u.s");
///     ASCII letters are lower-cased. Every other character separates words and is dropped.
///   * A sentence ends at ".", "!" or "?" (not inside a word), at a blank line, and at the end of the text; each
///     sentence ends with the token </s> (id 0). Empty sentences are not kept.
///   * Word ids are ranks: 1 the most frequent word, ties in byte order.
#include <string>
#include <string_view>
#include <vector>

#include "collapse/lm/ngram_model.hpp"

namespace collapse::lm {

struct TokenisedText {
  std::vector<std::string> words;  ///< id → word; words[0] = "</s>"
  std::vector<Token> tokens;       ///< the text, every sentence ended by 0
  std::size_t wordCount = 0;       ///< tokens other than </s>
  std::size_t sentences = 0;
};

TokenisedText tokenise(std::string_view text);

}  // namespace collapse::lm
