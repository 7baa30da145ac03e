#include "lexicon/key_trie.hpp"

#include <algorithm>

namespace eventwire::internal {

KeyTrie::KeyTrie(bool hyphens_as_spaces) : hyphens_as_spaces_(hyphens_as_spaces) {
  root_.fill(kNone);
  nodes_.emplace_back();
  children_.emplace_back();
}

std::string KeyTrie::normalize_key(std::string_view key) const {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    bool sep = is_separator(static_cast<unsigned char>(c));
    if (sep && (out.empty() || out.back() == ' ')) continue;
    out += sep ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool KeyTrie::insert(std::string_view raw_key, uint32_t payload, bool filtered) {
  std::string key = normalize_key(raw_key);
  if (key.empty()) return false;
  uint32_t node = 0;
  for (size_t i = 0; i < key.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    auto it = children_[node].find(c);
    if (it == children_[node].end()) {
      uint32_t fresh = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      children_.emplace_back();
      children_[node][c] = fresh;
      if (node == 0) root_[c] = fresh;
      node = fresh;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].payload != kNone) return false;
  nodes_[node].payload = payload;
  if (!filtered) return true;
  filter_.add(key);
  return true;
}

void WordFilter::add(std::string_view key) {
  // The key's first word when shorter than four bytes ("a", "op" of "op de", "een"), else its
  // first four bytes: the class slot() gives a word that the key may match. A longer first word
  // also passes its first three bytes, for words measured short of the key: letters before a
  // combining sign or symbol.
  const size_t first_word = std::min(key.find(' '), key.size());
  if (first_word == 0) return;
  set(slot(key, 0, first_word < 4 ? first_word : 4).word);
  if (first_word >= 3) {
    const uint32_t three = slot(key, 0, 3).word;
    if (first_word > 3) set(three);
    if (prefixes_ && first_word == 3) set(three ^ kPrefixTag);
  }
}

void KeyTrie::insert_with_unaccented(std::string_view key, uint32_t payload, bool filtered) {
  insert(key, payload, filtered);
  std::string plain = remove_accents(key);
  if (plain != key) insert(plain, payload, filtered);
}

void KeyTrie::finish() {
  edges_.clear();
  for (size_t n = 0; n < nodes_.size(); ++n) {
    nodes_[n].first_edge = static_cast<uint32_t>(edges_.size());
    nodes_[n].edge_count = static_cast<uint32_t>(children_[n].size());
    for (const auto& [byte, child] : children_[n]) edges_.push_back({byte, child});
  }
}

std::string remove_accents(std::string_view text) {
  // Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF), lower and upper case alike.
  static constexpr char kBase[64 + 1] =
      "AAAAAAACEEEEIIII"   // À..Ï (Æ kept as A)
      "DNOOOOO*OUUUUYTs"   // Ð..ß
      "aaaaaaaceeeeiiii"   // à..ï
      "dnooooo/ouuuuyty";  // ð..ÿ
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      char base = (d >= 0x80 && d <= 0xBF) ? kBase[d - 0x80] : 0;
      if (base && base != '*' && base != '/') {
        out += base;
        ++i;
        continue;
      }
    } else if (c == 0xC5 && i + 1 < text.size() && (text[i + 1] == '\x93' || text[i + 1] == '\x92')) {
      out += text[i + 1] == '\x93' ? "oe" : "OE";  // œ, Œ
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace eventwire::internal
