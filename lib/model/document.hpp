// The document model every stage fills in, and that the JSON writer and the C interface read.
// Field meanings follow the schema "eventwire/1" (README.md, "Output").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "model/types.hpp"
#include "text/offset_map.hpp"

namespace eventwire::internal {

enum class BlockKind : uint8_t { title, heading, paragraph, list_item, table, caption, byline, boilerplate };
std::string_view block_kind_name(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  Span span;     // the whole block, list marker and table pipes included
  Span content;  // the text proper: without the list marker; equals span otherwise
  Lang language = Lang::und;
  float language_confidence = 0;
  std::vector<std::vector<Span>> rows;  // tables: cells of each row, header row first

  // Page furniture carries no article content: later stages skip it.
  bool is_furniture() const { return kind == BlockKind::boilerplate || kind == BlockKind::byline; }
};

// Token shape bits: cheap facts later stages test often.
enum TokenFlag : uint16_t {
  kTokWord = 1 << 0,        // starts with a letter
  kTokNumber = 1 << 1,      // starts with a digit
  kTokPunct = 1 << 2,       // punctuation or symbol
  kTokUpperInitial = 1 << 3,
  kTokAllUpper = 1 << 4,    // letters all upper case (at least two letters)
  kTokAbbreviation = 1 << 5,  // ends with a period that belongs to it ("Mr.", "p.m.")
  kTokHyphenated = 1 << 6,
};

struct Token {
  Span span;
  uint16_t flags = 0;
  bool is(uint16_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;
  uint32_t block = 0;
  Lang language = Lang::und;
  // [token_begin, token_end) into Document::tokens, while the sentence's block is the one
  // being worked on (see Document::tokens).
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
};

enum class QuantityKind : uint8_t { number, ordinal, percent, money, count, duration, dimension };
std::string_view quantity_kind_name(QuantityKind k);

struct Quantity {
  QuantityKind kind = QuantityKind::number;
  Span span;
  double value = 0;        // NaN when only bounds are known ("tientallen", "a small percent")
  std::string value_text;  // set when the value is not a plain number, e.g. a duration "P6M"
  std::string unit;        // ISO 4217 for money, counted noun class for counts, unit for dimensions
  std::string subunit;     // money counted in a smaller unit: "cent" for "25 cent" (value 25)
  bool approximate = false;
  std::optional<double> min, max;
};

enum class TimeKind : uint8_t { date, time, datetime, duration, set, range };
std::string_view time_kind_name(TimeKind k);

struct TimeExpr {
  TimeKind kind = TimeKind::date;
  Span span;
  std::string value;       // TIMEX3-style value; empty when it cannot be resolved
  std::string start, end;  // ranges; the part of a period meant ("fin mars"); the open end of "since 1948"
  std::string mod;         // TIMEX3 mod: START, MID, END, BEFORE, AFTER, ON_OR_AFTER, ON_OR_BEFORE, APPROX
  bool anchored = false;   // resolved against the reference date
};

enum class EntityType : uint8_t { person, org, gpe, loc, fac, norp };
std::string_view entity_type_name(EntityType t);

struct Entity {
  EntityType type = EntityType::person;
  std::string name;     // canonical form
  std::string country;  // ISO 3166-1 alpha-3
  std::string org;      // organisation code
  std::string sector;   // PLOVER sector
  std::string role;
  std::vector<Span> mentions;
};

// How an entity is named at one place of the text.
enum class MentionKind : uint8_t {
  name,       // a proper name, its short form or an adjective: "Ludivine Dedonder", "Dedonder", "Belgian"
  nominal,    // a role or common noun standing for it: "the minister", "de premier", "the Belgian army"
  reference,  // "ons land", "notre pays", "the country"
};
std::string_view mention_kind_name(MentionKind k);

// One mention of an entity, as the events stage reads them (see entities/lookup.hpp).
struct EntityMention {
  Span span;     // what Entity::mentions lists: the name itself
  Span phrase;   // the name with its title and modifiers: "Belgian Minister of Defence Ludivine Dedonder"
  uint32_t token_begin = 0, token_end = 0;  // [begin, end) into Document::tokens, covering `span`
  uint32_t entity = 0;                       // index into Document::entities
  MentionKind kind = MentionKind::name;
};

// An actor, target, source or location of an event: a stretch of text, maybe an entity.
struct Argument {
  int32_t entity = -1;
  Span span;
  std::string country;
  std::string org;
};

enum class EventType : uint8_t {
  AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
  ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
};
std::string_view event_type_name(EventType t);
enum class Polarity : uint8_t { positive, negative };
enum class Modality : uint8_t { asserted, intended, possible };
std::string_view polarity_name(Polarity p);
std::string_view modality_name(Modality m);

struct Event {
  EventType type = EventType::AGREE;
  std::string mode;
  Polarity polarity = Polarity::positive;
  Modality modality = Modality::asserted;
  std::string plover;  // derived; empty when nothing happened
  std::string cameo;
  Span trigger;
  std::vector<Argument> actors, targets;
  std::optional<Argument> source;
  std::string source_cue;
  int32_t time = -1;  // index into Document::times
  std::optional<Argument> location;
  std::vector<uint32_t> quantities;  // indexes into Document::quantities
  uint32_t sentence = 0;
  Span span;
  float confidence = 0;
  int32_t cluster = -1;
  std::string rule;
};

// The block the pipeline is working on: its sentences are doc.sentences[first_sentence,
// end_sentence), and their tokens are in doc.tokens.
struct BlockRange {
  uint32_t block = 0;
  uint32_t first_sentence = 0;
  uint32_t end_sentence = 0;
};

struct Document {
  std::string id;
  std::string input;   // the caller's bytes, copied
  std::string text;    // normalised text (valid UTF-8, NFC, folded punctuation)
  std::string folded;  // `text` in lower case, byte for byte aligned with it
  OffsetMap offsets;   // normalised -> original positions
  bool spans_are_original = false;  // set once every span has been mapped onto `input`

  std::optional<absl::CivilDay> reference_date;
  Lang language = Lang::und;
  float language_confidence = 0;
  int32_t title_block = -1;

  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  // Tokens are scratch. The pipeline segments one block at a time and runs every later stage on
  // it while it is in cache, so `tokens` holds the tokens of the block being worked on, and a
  // stage only reads the tokens of that block's sentences (BlockRange). With
  // AnalyzeOptions::keep_tokens (tests) every block's tokens stay. Positions are normalised.
  std::vector<Token> tokens;
  std::vector<Quantity> quantities;
  std::vector<TimeExpr> times;
  std::vector<Entity> entities;
  std::vector<EntityMention> mentions;  // every entity mention, in text order
  std::vector<Event> events;

  // Maps every span from normalised-text positions onto the original input.
  void map_spans_to_original();
};

}  // namespace eventwire::internal
