// A small reader for one line of JSON Lines input: a flat object whose fields of interest are
// strings, numbers or null ({"id": .., "text": .., "date": .., "lang": ..}). Nested values are
// checked and skipped. Header-only; shared by the CLI and its tests.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ewcli {

struct JsonObject {
  // Field -> its value as text (strings unescaped, numbers as written); nullopt for null.
  std::map<std::string, std::optional<std::string>> fields;
  std::string error;  // empty when the line parsed
};

class JsonLineParser {
 public:
  static JsonObject parse(std::string_view line) {
    JsonLineParser p(line);
    JsonObject out;
    p.skip_space();
    if (!p.object(out)) {
      out.fields.clear();
      out.error = p.error_ + " at column " + std::to_string(p.pos_ + 1);
      return out;
    }
    p.skip_space();
    if (p.pos_ != p.s_.size()) out.error = "text after the object at column " + std::to_string(p.pos_ + 1);
    return out;
  }

 private:
  explicit JsonLineParser(std::string_view s) : s_(s) {}

  bool fail(const char* message) {
    if (error_.empty()) error_ = message;
    return false;
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool object(JsonObject& out) {
    if (!eat('{')) return fail("expected '{'");
    if (eat('}')) return true;
    do {
      skip_space();
      std::string key;
      if (!string(key)) return false;
      if (!eat(':')) return fail("expected ':'");
      std::optional<std::string> value;
      if (!scalar_or_skip(value, 0)) return false;
      out.fields[key] = std::move(value);
    } while (eat(','));
    return eat('}') || fail("expected ',' or '}'");
  }

  // Reads a value; strings and numbers come back as text, null as nullopt, anything else is
  // checked and skipped (and comes back as nullopt).
  bool scalar_or_skip(std::optional<std::string>& value, int depth) {
    if (depth > 64) return fail("nesting too deep");
    skip_space();
    if (pos_ >= s_.size()) return fail("unexpected end of line");
    char c = s_[pos_];
    if (c == '"') {
      std::string s;
      if (!string(s)) return false;
      value = std::move(s);
      return true;
    }
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos_;
      if (eat(close)) return true;
      do {
        std::optional<std::string> ignored;
        if (c == '{') {
          skip_space();
          std::string key;
          if (!string(key) || !eat(':')) return fail("expected a key");
        }
        if (!scalar_or_skip(ignored, depth + 1)) return false;
      } while (eat(','));
      return eat(close) || fail("unclosed array or object");
    }
    for (const char* word : {"null", "true", "false"}) {
      std::string_view w(word);
      if (s_.substr(pos_, w.size()) == w) {
        pos_ += w.size();
        if (w != "null") value = std::string(w);
        return true;
      }
    }
    size_t start = pos_;
    while (pos_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[pos_]) != std::string_view::npos) ++pos_;
    if (pos_ == start) return fail("unexpected character");
    value = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(uint32_t& v) {
    if (pos_ + 4 > s_.size()) return fail("short \\u escape");
    v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[pos_++];
      int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return fail("bad \\u escape");
      v = v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }

  bool string(std::string& out) {
    if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a string");
    ++pos_;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            uint32_t low;
            if (!hex4(low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              append_utf8(out, 0xFFFD);
              cp = low;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
          append_utf8(out, cp);
          break;
        }
        default: return fail("bad escape");
      }
    }
    return fail("unterminated string");
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace ewcli
