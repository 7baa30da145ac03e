// eventwire — the command-line tool.
//
//   eventwire analyze [--lang en|nl|fr] [--date YYYY-MM-DD] [--format json|jsonl|text|html]
//                     [--input text|jsonl] [--strict-utf8] [--max-bytes N] [--actors FILE]...
//                     FILE... | -
//
// Exit status: 0 when every input was analysed, 1 when some failed (each failure is reported
// on stderr and the others still run), 2 for a usage error.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "eventwire/eventwire.hpp"
#include "jsonl.hpp"
#include "report.hpp"

namespace {

const char kUsage[] =
    "usage: eventwire analyze [options] FILE... | -\n"
    "\n"
    "Reads news text in English, Dutch or French and prints its events, entities,\n"
    "quantities and times.\n"
    "\n"
    "options:\n"
    "  --lang en|nl|fr        language of the text (default: detected)\n"
    "  --date YYYY-MM-DD      publication date, to resolve \"yesterday\" or \"on Tuesday\"\n"
    "  --format json|jsonl|text|html\n"
    "                         json: one document (an array for several inputs);\n"
    "                         jsonl: one document a line; text: a readable summary\n"
    "                         (default); html: the text with its findings highlighted\n"
    "  --input text|jsonl     jsonl: each line of FILE is {\"id\", \"text\", \"date\", \"lang\"}\n"
    "  --strict-utf8          refuse invalid UTF-8 instead of repairing it\n"
    "  --max-bytes N          largest input accepted (default 16 MiB)\n"
    "  --actors FILE          an actor dictionary (TSV: name, aliases, type, country, org,\n"
    "                         sector, role, from, until); may be given several times\n"
    "  --version              print the library version\n";

struct Options {
  std::string lang, date, format = "text", input = "text";
  bool strict_utf8 = false;
  uint64_t max_bytes = 0;
  std::vector<std::string> files;
  std::vector<std::string> actor_files;
};

struct Job {
  std::string id, text, date, lang;
  std::string where;  // for messages: "file" or "file:line"
};

int usage_error(const std::string& message) {
  std::cerr << "eventwire: " << message << "\n\n" << kUsage;
  return 2;
}

bool read_all(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class Runner {
 public:
  Runner(const eventwire::Engine& engine, const Options& options) : engine_(engine), options_(options) {}

  void run(const Job& job) {
    eventwire::AnalyzeOptions o;
    o.language = job.lang.empty() ? options_.lang : job.lang;
    o.reference_date = job.date.empty() ? options_.date : job.date;
    o.document_id = job.id;
    o.strict_utf8 = options_.strict_utf8;
    o.max_input_bytes = options_.max_bytes;
    auto doc = engine_.analyze(job.text, o);
    if (!doc) return failed(job.where, doc.error().name(), doc.error().message);
    const std::string& f = options_.format;
    if (f == "json") {
      std::cout << (documents_ ? ",\n" : "") << doc->json();
    } else if (f == "jsonl") {
      std::cout << doc->json() << '\n';
    } else if (f == "html") {
      if (!documents_) ewcli::html_header(std::cout);
      ewcli::html_document(std::cout, *doc);
    } else {
      ewcli::text_summary(std::cout, *doc);
    }
    ++documents_;
  }

  void failed(const std::string& where, std::string_view what, const std::string& message) {
    std::cerr << "eventwire: " << where << ": " << what << ": " << message << "\n";
    ++failures_;
  }

  // Closes what the output format opened.
  void finish() {
    if (options_.format == "html" && documents_) ewcli::html_footer(std::cout);
    if (options_.format == "json" && documents_) std::cout << '\n';
  }

  int failures() const { return failures_; }

 private:
  const eventwire::Engine& engine_;
  const Options& options_;
  int documents_ = 0, failures_ = 0;
};

int analyze(const Options& options) {
  eventwire::EngineOptions engine_options;
  engine_options.actor_files = options.actor_files;
  auto engine = eventwire::Engine::create(engine_options);
  if (!engine) {
    std::cerr << "eventwire: cannot create the engine: " << engine.error().message << "\n";
    return 1;
  }
  // Gather the jobs first so that json output knows whether it prints one document or several.
  std::vector<Job> jobs;
  int read_failures = 0;
  for (const std::string& path : options.files) {
    std::string content, error;
    if (!read_all(path, content, error)) {
      std::cerr << "eventwire: cannot read " << path << ": " << error << "\n";
      ++read_failures;
      continue;
    }
    if (options.input == "text") {
      jobs.push_back({base_name(path), std::move(content), "", "", path});
      continue;
    }
    std::istringstream lines(content);
    std::string line;
    for (size_t line_no = 1; std::getline(lines, line); ++line_no) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = path + ":" + std::to_string(line_no);
      ewcli::JsonObject obj = ewcli::JsonLineParser::parse(line);
      auto field = [&](const char* name) {
        auto it = obj.fields.find(name);
        return it != obj.fields.end() && it->second ? *it->second : std::string();
      };
      if (!obj.error.empty() || !obj.fields.count("text") || !obj.fields["text"]) {
        std::cerr << "eventwire: " << where << ": "
                  << (obj.error.empty() ? "no \"text\" field" : "invalid JSON: " + obj.error) << "\n";
        ++read_failures;
        continue;
      }
      std::string id = field("id");
      jobs.push_back({id.empty() ? base_name(path) + ":" + std::to_string(line_no) : id, field("text"),
                      field("date"), field("lang"), where});
    }
  }
  Runner runner(*engine, options);
  bool array = options.format == "json" && jobs.size() > 1;
  if (array) std::cout << "[";
  for (const Job& job : jobs) runner.run(job);
  if (array) std::cout << "]";
  runner.finish();
  return (read_failures || runner.failures()) ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "eventwire " << ew_version() << " (" << ew_data_version() << ")\n";
    return 0;
  }
  if (args[0] != "analyze") return usage_error("unknown command '" + args[0] + "'");
  Options options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (a == "--lang" || a == "--date" || a == "--format" || a == "--input" || a == "--max-bytes" ||
        a == "--actors") {
      std::string v;
      if (!value(v)) return usage_error(a + " needs a value");
      if (a == "--actors") options.actor_files.push_back(v);
      if (a == "--lang") options.lang = v;
      if (a == "--date") options.date = v;
      if (a == "--format") options.format = v;
      if (a == "--input") options.input = v;
      if (a == "--max-bytes") {
        char* end = nullptr;
        options.max_bytes = std::strtoull(v.c_str(), &end, 10);
        if (v.empty() || *end) return usage_error("--max-bytes needs a number of bytes");
      }
    } else if (a == "--strict-utf8") {
      options.strict_utf8 = true;
    } else if (a == "-" || a.rfind("--", 0) != 0) {
      options.files.push_back(a);
    } else {
      return usage_error("unknown option '" + a + "'");
    }
  }
  if (options.format != "json" && options.format != "jsonl" && options.format != "text" && options.format != "html")
    return usage_error("--format must be json, jsonl, text or html");
  if (options.input != "text" && options.input != "jsonl") return usage_error("--input must be text or jsonl");
  if (options.files.empty()) return usage_error("no input: give FILE... or - for standard input");
  return analyze(options);
}
