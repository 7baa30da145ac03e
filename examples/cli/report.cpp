#include "report.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace ewcli {
namespace {

std::string or_dash(const std::optional<std::string>& s) { return s ? *s : "-"; }

// "BEL", "NATO" or the text itself when the argument is not resolved.
std::string code(const eventwire::Argument& a) {
  if (a.country) return *a.country;
  if (a.org) return *a.org;
  return "\"" + a.text + "\"";
}

std::string codes(const std::vector<eventwire::Argument>& args) {
  if (args.empty()) return "-";
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : "+") + code(a);
  return out;
}

std::string one_line(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\t') ? ' ' : c;
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    out = out.substr(0, cut) + "...";
  }
  return out;
}

void html_escape(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      case '"': out << "&quot;"; break;
      default: out << c;
    }
  }
}

}  // namespace

void text_summary(std::ostream& out, const eventwire::Document& doc) {
  out << "== " << doc.id() << "  [" << doc.language();
  if (auto date = doc.reference_date()) out << ", dated " << *date;
  out << "]\n";
  if (auto title = doc.title()) out << "Title: " << *title << "\n";

  std::map<std::string, int> kinds;
  std::vector<std::string> furniture;
  auto blocks = doc.blocks();
  size_t table_rows = 0;
  for (const auto& b : blocks) {
    ++kinds[b.kind];
    table_rows += b.rows.size();
    if (b.kind == "boilerplate" || b.kind == "byline" || b.kind == "caption")
      furniture.push_back(b.kind + ": " + one_line(doc.text(b.span), 60));
  }
  out << "Structure: " << blocks.size() << " blocks (";
  bool first = true;
  for (const auto& [kind, n] : kinds) {
    out << (first ? "" : ", ") << n << " " << kind;
    first = false;
  }
  out << "), " << table_rows << " table rows, " << doc.sentences().size() << " sentences\n";
  for (const auto& f : furniture) out << "  " << f << "\n";

  auto events = doc.events();
  out << "Events: " << events.size() << "\n";
  for (const auto& e : events) {
    out << "  " << e.id << " " << e.type << (e.mode ? "/" + *e.mode : "") << " " << e.modality
        << (e.polarity == "negative" ? " NEGATED" : "") << "  " << codes(e.actors) << " -> " << codes(e.targets)
        << "  \"" << e.trigger_text << "\"";
    if (e.plover) out << "  PLOVER " << *e.plover << " CAMEO " << or_dash(e.cameo);
    if (e.time) out << "  time " << *e.time;
    if (e.location) out << "  in " << e.location->text;
    if (e.source) out << "  source " << code(*e.source);
    out << "  [" << e.rule << "]\n";
  }
  auto entities = doc.entities();
  if (!entities.empty()) {
    out << "Entities: " << entities.size() << "\n";
    for (const auto& e : entities) {
      out << "  " << e.id << " " << e.type << " " << e.name;
      if (e.country) out << " (" << *e.country << ")";
      if (e.org) out << " (" << *e.org << ")";
      if (e.role) out << ", " << *e.role;
      out << " x" << e.mentions.size() << "\n";
    }
  }
  auto quantities = doc.quantities();
  if (!quantities.empty()) {
    out << "Quantities: " << quantities.size() << "\n";
    for (const auto& q : quantities) {
      out << "  " << q.id << " " << q.kind << " \"" << q.text << "\" = " << (q.approximate ? "~" : "") << q.value_text;
      if (q.unit) out << " " << *q.unit;
      out << "\n";
    }
  }
  auto times = doc.times();
  if (!times.empty()) {
    out << "Times: " << times.size() << "\n";
    for (const auto& t : times) out << "  " << t.id << " " << t.kind << " \"" << t.text << "\" = " << or_dash(t.value) << "\n";
  }
  out << "\n";
}

void html_header(std::ostream& out) {
  out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>eventwire</title><style>\n"
         "body{font-family:sans-serif;max-width:60em;margin:auto}pre{white-space:pre-wrap;font-family:inherit}\n"
         "mark.entity{background:#cde}mark.quantity{background:#dfc}mark.time{background:#fdc}"
         "mark.trigger{background:#fc8;font-weight:bold}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}\n"
         "</style></head><body>\n";
}

void html_document(std::ostream& out, const eventwire::Document& doc) {
  struct Mark {
    eventwire::Span span;
    std::string cls, title;
  };
  std::vector<Mark> marks;
  for (const auto& e : doc.events()) marks.push_back({e.trigger, "trigger", e.id + " " + e.type});
  for (const auto& t : doc.times()) marks.push_back({t.span, "time", t.id + " " + or_dash(t.value)});
  for (const auto& q : doc.quantities()) marks.push_back({q.span, "quantity", q.id + " " + q.kind + " " + q.value_text});
  for (const auto& e : doc.entities())
    for (const auto& m : e.mentions)
      marks.push_back({m, "entity", e.id + " " + e.type + " " + e.name + (e.country ? " " + *e.country : "")});
  // Earlier first; at the same start, the longer one; overlapping later marks are dropped.
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  const std::string_view input = doc.text({0, doc.summary().input_length});
  out << "<article><h2>";
  html_escape(out, doc.id());
  out << " <small>[" << doc.language() << "]</small></h2>\n<pre>";
  size_t pos = 0;
  for (const Mark& m : marks) {
    if (m.span.begin < pos || m.span.end > input.size()) continue;
    html_escape(out, input.substr(pos, m.span.begin - pos));
    out << "<mark class=\"" << m.cls << "\" title=\"";
    html_escape(out, m.title);
    out << "\">";
    html_escape(out, input.substr(m.span.begin, m.span.end - m.span.begin));
    out << "</mark>";
    pos = m.span.end;
  }
  html_escape(out, input.substr(pos));
  out << "</pre>\n";
  auto events = doc.events();
  if (!events.empty()) {
    out << "<table><tr><th>id</th><th>type</th><th>mode</th><th>modality</th><th>polarity</th><th>actors</th>"
           "<th>targets</th><th>PLOVER</th><th>CAMEO</th><th>rule</th></tr>\n";
    for (const auto& e : events) {
      out << "<tr>";
      for (const std::string& cell : {e.id, e.type, or_dash(e.mode), e.modality, e.polarity, codes(e.actors),
                                      codes(e.targets), or_dash(e.plover), or_dash(e.cameo), e.rule}) {
        out << "<td>";
        html_escape(out, cell);
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table>\n";
  }
  out << "</article>\n";
}

void html_footer(std::ostream& out) { out << "</body></html>\n"; }

}  // namespace ewcli
