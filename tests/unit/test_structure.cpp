// Structure stage: blocks, tables, lists, furniture, title.
#include <doctest/doctest.h>

#include "print_helpers.hpp"

#include <string>

#include "pipeline/engine.hpp"

using namespace eventwire::internal;

namespace {
std::unique_ptr<Document> analyze(std::string_view text) {
  static const auto engine = *Engine::create();
  return *engine->analyze(text, AnalyzeOptions{});
}
std::vector<std::string> kinds(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.emplace_back(block_kind_name(b.kind));
  return out;
}
std::string text_of(const Document& d, Span s) { return std::string(slice(d.input, s)); }
}  // namespace

TEST_CASE("a title, headings and paragraphs") {
  auto d = analyze(
      "Belgium pledges aid to Ukraine\n\nBelgium will provide aid. The minister said so.\n"
      "The official position\nIt has not changed since last year.\n");
  CHECK(kinds(*d) == std::vector<std::string>{"title", "paragraph", "heading", "paragraph"});
  CHECK(d->title_block == 0);
}

TEST_CASE("a first line that is a paragraph is not a title") {
  auto d = analyze("Brussels - The minister met her counterpart on Tuesday, officials said.\nShe left.\n");
  CHECK(d->title_block == -1);
}

TEST_CASE("pipe tables are parsed into rows and cells") {
  auto d = analyze("Intro line.\n| Aspect | Details |\n|---|---|\n| Personnel | 200 peacekeepers |\n| Aid | \xE2\x82\xAC" "50 million |\n");
  REQUIRE(d->blocks.size() == 2);
  const Block& t = d->blocks[1];
  CHECK(t.kind == BlockKind::table);
  REQUIRE(t.rows.size() == 3);
  CHECK(text_of(*d, t.rows[0][0]) == "Aspect");
  CHECK(text_of(*d, t.rows[1][1]) == "200 peacekeepers");
  CHECK(text_of(*d, t.rows[2][1]) == "\xE2\x82\xAC" "50 million");
  // Every cell is a sentence of its own, in the table block.
  int cells = 0;
  for (const Sentence& s : d->sentences) cells += s.block == 1;
  CHECK(cells == 6);
}

TEST_CASE("list items with dashes, bullets and numbers") {
  auto d = analyze("Key elements include:\n- Deployment of units.\n \xE2\x80\xA2 in VN-verband;\n2) Medical support.\n");
  CHECK(kinds(*d) == std::vector<std::string>{"paragraph", "list_item", "list_item", "list_item"});
  CHECK(text_of(*d, d->blocks[2].content) == "in VN-verband;");
}

TEST_CASE("page furniture: navigation, switchers, credits, plugs, disclaimers") {
  auto d = analyze(
      "ua en ru\n\nTitle of the story here\n"
      "Author: Jane Doe\n"
      "The story says things.\n"
      "A picture of the minister (Photo: Getty Images)\n"
      "Image\nLogo UN Peacekeeping\n@ UN Peacekeeping\n"
      "Find the show, Monday to Friday from 6 p.m. to 7 p.m. on the radio.\n"
      "war in ukraine volodymyr zelensky donald trump\n"
      "PREV A deputy resigns\nNEXT Between France and Algeria\n"
      "This article was created using automation technology and was edited.\n");
  CHECK(kinds(*d) == std::vector<std::string>{"boilerplate", "title", "byline", "paragraph", "caption",
                                              "boilerplate", "boilerplate", "boilerplate", "boilerplate",
                                              "boilerplate", "boilerplate", "boilerplate", "boilerplate"});
}

TEST_CASE("furniture cues need their word boundary and their context") {
  auto d = analyze(
      "PREVIEW of the summit is out.\nBy 2030, Belgium will spend more.\nNext, the minister spoke.\n"
      "The talks run from Monday to Friday.\n");
  CHECK(kinds(*d) == std::vector<std::string>{"paragraph", "paragraph", "paragraph", "paragraph"});
}

TEST_CASE("hard-wrapped lines form one paragraph") {
  auto d = analyze("The minister said that the troops\nwould stay until the end of the\nmission in Mali.\n");
  REQUIRE(d->blocks.size() == 1);
  CHECK(d->sentences.size() == 1);
}

TEST_CASE("Markdown headings") {
  auto d = analyze("# Peace operations\n\nBelgium takes part in missions.\n## In UN context\nText here.\n");
  CHECK(kinds(*d) == std::vector<std::string>{"title", "paragraph", "heading", "paragraph"});
  CHECK(text_of(*d, d->blocks[0].content) == "Peace operations");
}
