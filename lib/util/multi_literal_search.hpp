// Finds which of several fixed strings occur in a text. Each string is looked for through its
// rarest byte (its "anchor"), and strings sharing an anchor share one memchr scan, so the text
// is crossed once per distinct anchor at memchr speed rather than once per string.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::internal {

class MultiLiteralSearch {
 public:
  MultiLiteralSearch() = default;
  explicit MultiLiteralSearch(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {
    for (size_t i = 0; i < patterns_.size(); ++i) {
      const std::string& p = patterns_[i];
      if (p.empty()) continue;
      size_t best = 0;
      for (size_t k = 1; k < p.size(); ++k)
        if (rarity(p[k]) > rarity(p[best])) best = k;
      Group* group = nullptr;
      for (Group& g : groups_)
        if (g.anchor == p[best]) group = &g;
      if (!group) group = &groups_.emplace_back(Group{p[best], {}});
      group->members.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(best)});
    }
  }

  // Calls found(i) for every occurrence of pattern i in `text`.
  template <class Found>
  void find_all(std::string_view text, Found&& found) const {
    for (const Group& g : groups_) {
      const char* begin = text.data();
      const char* end = begin + text.size();
      for (const char* hit = begin; (hit = static_cast<const char*>(std::memchr(hit, g.anchor, end - hit)));
           ++hit) {
        for (const Member& m : g.members) {
          const std::string& p = patterns_[m.pattern];
          if (static_cast<size_t>(hit - begin) < m.anchor_offset) continue;
          const char* start = hit - m.anchor_offset;
          if (static_cast<size_t>(end - start) >= p.size() && std::memcmp(start, p.data(), p.size()) == 0)
            found(m.pattern);
        }
        if (hit + 1 >= end) break;
      }
    }
  }

  const std::string& pattern(size_t i) const { return patterns_[i]; }

 private:
  // How rare a byte is in running text, roughly: punctuation, digits and non-ASCII bytes are
  // rarer than capitals, which are rarer than small letters; spaces are the most common.
  static int rarity(char c) {
    static constexpr std::string_view kLettersByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') return 0;
    if (c >= 'a' && c <= 'z') return 10 + static_cast<int>(kLettersByFrequency.find(c));
    if (c >= 'A' && c <= 'Z') return 40 + static_cast<int>(kLettersByFrequency.find(static_cast<char>(c | 0x20)));
    if (c == ',' || c == '.' || c == '-') return 30;
    return u >= 0x80 ? 90 : 100;
  }

  struct Member {
    uint32_t pattern;
    uint32_t anchor_offset;
  };
  struct Group {
    char anchor;
    std::vector<Member> members;
  };
  std::vector<std::string> patterns_;
  std::vector<Group> groups_;
};

}  // namespace eventwire::internal
