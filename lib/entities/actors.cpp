#include "entities/actors.hpp"

#include <fstream>
#include <sstream>

#include "lexicon/data_files.hpp"
#include "pipeline/engine.hpp"
#include "util/status.hpp"

namespace eventwire::internal {
namespace {

bool is_code(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace

std::optional<EntityType> entity_type_from_name(std::string_view name) {
  static constexpr EntityType kTypes[] = {EntityType::person, EntityType::org, EntityType::gpe,
                                          EntityType::loc,    EntityType::fac, EntityType::norp};
  for (EntityType t : kTypes) {
    std::string_view want = entity_type_name(t);
    if (want.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) same = (name[i] & ~0x20) == want[i];
    if (same) return t;
  }
  return std::nullopt;
}

absl::Status validate_actor(const Actor& a, std::string_view where) {
  auto bad = [&](const std::string& what) {
    return make_error(ErrorCode::parse, std::string(where) + ": " + what);
  };
  if (a.name.empty()) return bad("an actor needs a name");
  if (!a.country.empty() && (a.country.size() != 3 || !is_code(a.country)))
    return bad("country \"" + a.country + "\" is not an ISO 3166-1 alpha-3 code (three capital letters)");
  if (!a.org.empty() && !is_code(a.org)) return bad("org \"" + a.org + "\" must be a code of capitals and digits");
  if (!a.sector.empty() && !is_code(a.sector)) return bad("sector \"" + a.sector + "\" must be a code such as GOV");
  if (a.from && a.until && !(*a.from < *a.until)) return bad("from must come before until");
  return absl::OkStatus();
}

absl::StatusOr<Actor> actor_from_row(const std::vector<std::string_view>& header,
                                     const std::vector<std::string_view>& cells, std::string_view where) {
  static constexpr std::string_view kColumns[] = {"name", "aliases", "type",  "country", "org",
                                                  "sector", "role",  "from", "until"};
  if (cells.size() > header.size())
    return make_error(ErrorCode::parse, std::string(where) + ": more cells than header columns");
  auto cell = [&](int c) -> std::string_view {
    for (size_t h = 0; h < header.size() && h < cells.size(); ++h)
      if (header[h] == kColumns[c]) return cells[h];
    return {};
  };
  Actor a;
  a.name = std::string(cell(0));
  if (!cell(1).empty())
    for (std::string_view alias : data::split_synonyms(cell(1)))
      if (!alias.empty()) a.aliases.emplace_back(alias);
  if (!cell(2).empty()) {
    auto type = entity_type_from_name(cell(2));
    if (!type) return make_error(ErrorCode::parse, std::string(where) + ": unknown type \"" + std::string(cell(2)) + "\"");
    a.type = *type;
  }
  a.country = std::string(cell(3));
  a.org = std::string(cell(4));
  a.sector = std::string(cell(5));
  a.role = std::string(cell(6));
  for (int c : {7, 8}) {
    if (cell(c).empty()) continue;
    auto day = parse_reference_date(cell(c));
    if (!day.ok()) return make_error(ErrorCode::parse, std::string(where) + ": " + std::string(day.status().message()));
    (c == 7 ? a.from : a.until) = *day;
  }
  if (auto status = validate_actor(a, where); !status.ok()) return status;
  return a;
}

absl::StatusOr<std::vector<Actor>> parse_actor_dictionary(std::string_view text, std::string_view origin) {
  std::vector<Actor> out;
  std::vector<std::string_view> header;
  size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = std::string(origin) + ":" + std::to_string(line_no);
    std::vector<std::string_view> cells = data::split(line, '\t');
    if (header.empty()) {
      header = cells;
      bool has_name = false;
      for (std::string_view h : header) has_name |= h == "name";
      if (!has_name) return make_error(ErrorCode::parse, where + ": the header row must name a \"name\" column");
      continue;
    }
    auto actor = actor_from_row(header, cells, where);
    if (!actor.ok()) return actor.status();
    out.push_back(*std::move(actor));
  }
  if (header.empty()) return make_error(ErrorCode::parse, std::string(origin) + ": no header row");
  return out;
}

absl::StatusOr<std::vector<Actor>> read_actor_dictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::io, "cannot read actor dictionary \"" + path + "\"");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_actor_dictionary(buffer.str(), path);
}

}  // namespace eventwire::internal
