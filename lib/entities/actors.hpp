// Actor dictionaries: names and aliases of people, organisations and places with the country or
// organisation they act for, their PLOVER sector and role, and the period each row holds
// (like PETRARCH's actor dictionaries). The built-in one is lib/lang/common/actors.tsv; users
// add their own when they create an engine (README.md, "Actor dictionaries").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "model/document.hpp"

namespace eventwire::internal {

struct Actor {
  std::string name;                  // canonical
  std::vector<std::string> aliases;  // other ways to write it
  EntityType type = EntityType::person;
  std::string country;  // ISO 3166-1 alpha-3
  std::string org;      // organisation code
  std::string sector;   // PLOVER sector
  std::string role;
  std::optional<absl::CivilDay> from, until;  // the period the row holds, open when absent

  // Whether the row holds on `day` (rows without dates always do).
  bool holds_on(absl::CivilDay day) const {
    return (!from || *from <= day) && (!until || day < *until);
  }
};

// "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP" (any case) to a type.
std::optional<EntityType> entity_type_from_name(std::string_view name);

// Checks an actor given by a caller: a name, a known type, a country of three capital
// letters, codes without spaces. `where` prefixes the error message.
absl::Status validate_actor(const Actor& actor, std::string_view where);

// One row of a dictionary: `cells` under the column names of `header`.
absl::StatusOr<Actor> actor_from_row(const std::vector<std::string_view>& header,
                                     const std::vector<std::string_view>& cells, std::string_view where);

// Parses a dictionary in the TSV format of lib/lang/common/actors.tsv: a header naming at
// least `name`, then rows; columns aliases, type, country, org, sector, role, from, until are
// optional. `origin` (a file name) prefixes error messages, which give the line.
absl::StatusOr<std::vector<Actor>> parse_actor_dictionary(std::string_view text, std::string_view origin);

// Reads and parses a dictionary file.
absl::StatusOr<std::vector<Actor>> read_actor_dictionary(const std::string& path);

}  // namespace eventwire::internal
