#include "structure/structure.hpp"

#include <algorithm>
#include <cctype>

#include "lexicon/data_files.hpp"

namespace eventwire::internal {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
  while (s.end > s.begin && is_space(text[s.end - 1])) --s.end;
  return s;
}

// Words are counted where a non-space follows a space, in a loop free of branches that the
// compiler vectorises.
uint32_t count_words(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  auto space = [](unsigned char c) -> uint32_t { return (c == ' ') | (c == '\t') | (c == '\n'); };
  uint32_t words = !space(p[0]);
  for (size_t i = 1; i < s.size(); ++i) words += space(p[i - 1]) & !space(p[i]);
  return words;
}

// The first byte of a line that starts with a letter in upper case, as far as we can tell
// from bytes: ASCII upper case, or any non-ASCII letter (accented capitals are rare openers).
bool starts_upper_or_digit(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || is_ascii_digit(static_cast<char>(c)) || c >= 0x80 || c == '"' || c == '\'';
}

enum class LineKind : uint8_t { blank, table_row, table_rule, list_item, heading_mark, text };

struct Line {
  LineKind kind;
  Span span;     // trimmed
  Span content;  // after a list or heading marker
};

// "- item", "* item", "+ item", "1. item", "2) item", "a) item": the content after the marker.
bool list_marker(std::string_view text, Span s, Span& content) {
  std::string_view t = slice(text, s);
  size_t marker = 0;
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && is_space(t[1])) {
    marker = 1;
  } else {
    size_t d = 0;
    while (d < t.size() && d < 3 && is_ascii_digit(t[d])) ++d;
    if (d == 0 && !t.empty() && is_ascii_lower(t[0]) && t.size() >= 2 && t[1] == ')') d = 1;
    if (d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && is_space(t[d + 1])) marker = d + 1;
  }
  if (marker == 0) return false;
  content = trim(text, {s.begin + static_cast<uint32_t>(marker), s.end});
  return true;
}

Line classify_line(std::string_view text, Span raw) {
  Span s = trim(text, raw);
  std::string_view t = slice(text, s);
  if (t.empty()) return {LineKind::blank, s, s};
  if (t[0] == '|' && std::count(t.begin(), t.end(), '|') >= 2) {
    bool rule = t.find('-') != std::string_view::npos &&
                t.find_first_not_of("|-: \t") == std::string_view::npos;
    return {rule ? LineKind::table_rule : LineKind::table_row, s, s};
  }
  Span content;
  if (list_marker(text, s, content)) return {LineKind::list_item, s, content};
  if (t[0] == '#') {  // Markdown heading
    size_t hashes = t.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && is_space(t[hashes]))
      return {LineKind::heading_mark, s, trim(text, {s.begin + static_cast<uint32_t>(hashes), s.end})};
  }
  return {LineKind::text, s, s};
}

// Cells of a pipe table row: "| a | b |" -> spans of "a" and "b".
std::vector<Span> table_cells(std::string_view text, Span row) {
  std::vector<Span> cells;
  std::string_view t = slice(text, row);
  size_t start = t[0] == '|' ? 1 : 0;
  while (start <= t.size()) {
    size_t bar = t.find('|', start);
    size_t end = bar == std::string_view::npos ? t.size() : bar;
    Span cell = trim(text, {row.begin + static_cast<uint32_t>(start), row.begin + static_cast<uint32_t>(end)});
    bool trailing = bar == std::string_view::npos && cell.empty();
    if (!trailing) cells.push_back(cell);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (!cells.empty() && cells.back().empty() && t.back() == '|') cells.pop_back();
  return cells;
}

bool ends_sentence(std::string_view t) {
  if (t.empty()) return false;
  char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == ')' || c == '\'';
}

// A short line without closing punctuation that opens with a capital reads as a heading.
bool heading_like(std::string_view t, uint32_t words) {
  if (t.empty() || t.size() > 160 || words > 16) return false;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  return starts_upper_or_digit(t);
}

// "war in ukraine volodymyr zelensky": a run of lower-case keywords (a tag list).
bool keyword_line(std::string_view t, uint32_t words) {
  if (words < 4) return false;
  for (char c : t)
    if (!(is_ascii_lower(c) || is_space(c) || c == '-' || (static_cast<unsigned char>(c) >= 0x80))) return false;
  return true;
}

}  // namespace

absl::StatusOr<StructureDetector> StructureDetector::create() {
  StructureDetector d;
  for (const data::DataFile* f : data::all_files()) {
    std::string_view path = f->path;
    if (path.size() < 14 || path.substr(path.size() - 14) != "/furniture.tsv") continue;
    int kind = f->column("kind"), match = f->column("match"), text = f->column("text"),
        max_words = f->column("max_words");
    if (kind < 0 || match < 0 || text < 0 || max_words < 0)
      return absl::InternalError(std::string(path) + ": expected columns kind, match, text, max_words");
    for (uint32_t r = 0; r < f->rows; ++r) {
      std::string_view k = f->cell(r, kind), m = f->cell(r, match);
      d.cues_.push_back(Cue{
          k == "byline" ? BlockKind::byline : k == "caption" ? BlockKind::caption : BlockKind::boilerplate,
          m == "contains" ? Match::contains : m == "line" ? Match::line : Match::prefix,
          std::string(f->cell(r, text)),
          static_cast<uint32_t>(std::stoul(std::string(f->cell(r, max_words))))});
      if (d.cues_.back().match == Match::contains && d.cues_.back().max_words == 0)
        return absl::InternalError(std::string(path) + ": a \"contains\" cue needs max_words");
    }
  }
  std::vector<std::string> contains;
  for (size_t i = 0; i < d.cues_.size(); ++i) {
    const Cue& cue = d.cues_[i];
    if (cue.text.empty()) return absl::InternalError("empty furniture cue");
    if (cue.match == Match::contains) {
      d.contains_cues_.push_back(static_cast<uint16_t>(i));
      contains.push_back(cue.text);
      d.contains_max_words_ = std::max(d.contains_max_words_, cue.max_words);
    } else {
      d.cues_by_first_byte_[static_cast<unsigned char>(cue.text[0])].push_back(static_cast<uint16_t>(i));
    }
  }
  d.contains_search_ = MultiLiteralSearch(std::move(contains));
  if (const data::DataFile* f = data::find_file("common/language_codes.txt"))
    for (uint32_t r = 0; r < f->rows; ++r) d.language_codes_.insert(std::string(f->cell(r, 0)));
  return d;
}

BlockKind StructureDetector::furniture_kind(std::string_view t, uint32_t words) const {
  size_t best = cues_.size();  // the earliest cue that matches
  auto consider = [&](size_t index) {
    const Cue& cue = cues_[index];
    if (index >= best || (cue.max_words && words > cue.max_words)) return;
    const std::string& text = cue.text;
    bool hit = false;
    switch (cue.match) {
      case Match::line:
        hit = t == text;
        break;
      case Match::contains:
        hit = true;  // found by the search below
        break;
      case Match::prefix: {
        // The cue must end at a word boundary: "PREV" matches "PREV Story", not "PREVIEW".
        hit = t.size() >= text.size() && t.compare(0, text.size(), text) == 0 &&
              (t.size() == text.size() || !std::isalnum(static_cast<unsigned char>(t[text.size()])) ||
               !std::isalnum(static_cast<unsigned char>(text.back())));
        if (hit && cue.kind == BlockKind::byline) {
          // "By Jane Doe", not "By 2030, ...": a name follows.
          std::string_view rest = t.substr(text.size());
          size_t first = rest.find_first_not_of(" \t:");
          hit = first != std::string_view::npos && !is_ascii_digit(rest[first]) && !is_ascii_lower(rest[first]);
        }
        break;
      }
    }
    if (hit) best = index;
  };
  for (uint16_t index : cues_by_first_byte_[static_cast<unsigned char>(t[0])]) consider(index);
  if (words <= contains_max_words_)
    contains_search_.find_all(t, [&](size_t pattern) { consider(contains_cues_[pattern]); });
  if (best < cues_.size()) return cues_[best].kind;
  if (t[0] == '@' || t.compare(0, 2, "\xC2\xA9") == 0) return BlockKind::boilerplate;  // "@ Source", "(c) Source"
  if (is_language_switcher(t) || keyword_line(t, words)) return BlockKind::boilerplate;
  return BlockKind::paragraph;
}

bool StructureDetector::is_language_switcher(std::string_view t) const {
  if (t.size() > 48) return false;
  int codes = 0;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (is_space(t[i]) || t[i] == '|' || t[i] == '/' || t[i] == ',')) ++i;
    size_t j = i;
    while (j < t.size() && !(is_space(t[j]) || t[j] == '|' || t[j] == '/' || t[j] == ',')) ++j;
    if (j == i) break;
    std::string word(t.substr(i, j - i));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!language_codes_.count(word)) return false;
    ++codes;
    i = j;
  }
  return codes >= 2;
}

void StructureDetector::detect(Document& doc) const {
  const std::string_view text = doc.text;
  std::vector<Line> lines;
  for (uint32_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    uint32_t end = nl == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl);
    lines.push_back(classify_line(text, {start, end}));
    start = end + 1;
  }

  // A text of one line is the content itself: a run of lower-case words is then no tag list.
  const bool single_line =
      std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.kind != LineKind::blank; }) == 1;

  auto add = [&](BlockKind kind, Span span, Span content) {
    Block b;
    b.kind = kind;
    b.span = span;
    b.content = content;
    doc.blocks.push_back(std::move(b));
  };

  for (size_t i = 0; i < lines.size();) {
    const Line& line = lines[i];
    switch (line.kind) {
      case LineKind::blank:
        ++i;
        break;
      case LineKind::table_row:
      case LineKind::table_rule: {
        Block table;
        table.kind = BlockKind::table;
        table.span = line.span;
        for (; i < lines.size() && (lines[i].kind == LineKind::table_row || lines[i].kind == LineKind::table_rule); ++i) {
          table.span.end = lines[i].span.end;
          if (lines[i].kind == LineKind::table_row) table.rows.push_back(table_cells(text, lines[i].span));
        }
        table.content = table.span;
        doc.blocks.push_back(std::move(table));
        break;
      }
      case LineKind::list_item: {
        std::string_view content = slice(text, line.content);
        BlockKind kind = furniture_kind(content, count_words(content));
        add(kind == BlockKind::paragraph ? BlockKind::list_item : kind, line.span, line.content);
        ++i;
        break;
      }
      case LineKind::heading_mark:
        add(BlockKind::heading, line.span, line.content);
        ++i;
        break;
      case LineKind::text: {
        // Hard-wrapped lines continue a paragraph: no closing punctuation, next line lower case.
        Span span = line.span;
        size_t j = i + 1;
        while (j < lines.size() && lines[j].kind == LineKind::text &&
               !ends_sentence(slice(text, {span.begin, span.end})) &&
               is_ascii_lower(text[lines[j].span.begin])) {
          span.end = lines[j].span.end;
          ++j;
        }
        std::string_view t = slice(text, span);
        const uint32_t words = count_words(t);
        BlockKind kind = furniture_kind(t, words);
        if (single_line && kind == BlockKind::boilerplate && keyword_line(t, words)) kind = BlockKind::paragraph;
        if (kind == BlockKind::paragraph && j == i + 1 && heading_like(t, words)) kind = BlockKind::heading;
        add(kind, span, span);
        i = j;
        break;
      }
    }
  }

  // The title: a heading that opens the article, before any paragraph, list or table.
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    if (block.is_furniture() || block.kind == BlockKind::caption) continue;
    if (block.kind == BlockKind::heading) {
      block.kind = BlockKind::title;
      doc.title_block = static_cast<int32_t>(b);
    }
    break;
  }
}

}  // namespace eventwire::internal
