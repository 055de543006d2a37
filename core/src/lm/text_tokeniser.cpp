// The tokeniser of the reader's own text (docs/theory/language-model.md §7).
#include "collapse/lm/text_tokeniser.hpp"

#include <algorithm>
#include <map>

namespace collapse::lm {

namespace {

bool alphanumeric(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

}  // namespace

TokenisedText tokenise(std::string_view text) {
  std::vector<std::vector<std::string>> sentences(1);
  std::string word;
  const auto endWord = [&] {
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();  // trailing quote or dash
    if (!word.empty()) sentences.back().push_back(word);
    word.clear();
  };
  const auto endSentence = [&] {
    endWord();
    if (!sentences.back().empty()) sentences.emplace_back();
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool nextAlphanumeric = i + 1 < n && alphanumeric(static_cast<unsigned char>(text[i + 1]));
    if (alphanumeric(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if ((c == '\'' || c == '-') && !word.empty() && nextAlphanumeric) {
      word += static_cast<char>(c);
    } else if (c == '.' && !word.empty() && nextAlphanumeric) {
      word += '.';
    } else if (c == '.' || c == '!' || c == '?') {
      endSentence();
    } else if (c == '\n') {
      endWord();
      std::size_t j = i + 1;  // a blank line: only spaces, tabs or \r before the next newline
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') endSentence(), i = j;
    } else {
      endWord();
    }
  }
  endSentence();
  sentences.pop_back();  // the empty one after the last end

  std::map<std::string, std::size_t> frequency;
  for (const auto& sentence : sentences)
    for (const auto& w : sentence) ++frequency[w];
  std::vector<std::pair<std::string, std::size_t>> ranked(frequency.begin(), frequency.end());  // byte order
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  TokenisedText out;
  out.words.push_back("</s>");
  std::map<std::string, Token> id;
  for (const auto& [w, count] : ranked) {
    id[w] = static_cast<Token>(out.words.size());
    out.words.push_back(w);
  }
  for (const auto& sentence : sentences) {
    for (const auto& w : sentence) out.tokens.push_back(id[w]);
    out.tokens.push_back(kSentenceEnd);
    out.wordCount += sentence.size();
  }
  out.sentences = sentences.size();
  return out;
}

}  // namespace collapse::lm
