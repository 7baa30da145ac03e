// Throughput of the pipeline over a corpus: MB/s and documents/s, whole or stage by stage.
//
//   ew_bench [--stages] [--outputs LIST] [--json] [--threads N] [--seconds S] [--iterations N]
//            [--lang L] PATH...
//
// PATH: a text file (one document), a directory (its *.txt, *.csv and *.jsonl files), a CSV
// file with a "text" column (one document a row, e.g. the Wikinews dumps) or a JSON Lines
// file with a "text" field. The documents go through the C interface as users call it (with
// --json, their JSON is written too); --stages also reports the time spent in each stage.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "../../examples/cli/jsonl.hpp"
#include "eventwire/eventwire.hpp"
#include "pipeline/engine.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// RFC 4180 CSV: the values of column `column` of every row after the header.
std::vector<std::string> csv_column(const std::string& csv, const std::string& column) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') field += csv[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  std::vector<std::string> out;
  auto col = std::find(rows[0].begin(), rows[0].end(), column);
  if (col == rows[0].end()) return out;
  size_t k = static_cast<size_t>(col - rows[0].begin());
  for (size_t r = 1; r < rows.size(); ++r)
    if (rows[r].size() > k) out.push_back(rows[r][k]);
  return out;
}

void load(const fs::path& p, std::vector<std::string>& docs) {
  if (fs::is_directory(p)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(p)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      if (f.extension() == ".txt" || f.extension() == ".csv" || f.extension() == ".jsonl") load(f, docs);
    return;
  }
  std::string content = read_file(p);
  if (p.extension() == ".csv") {
    for (auto& t : csv_column(content, "text")) docs.push_back(std::move(t));
  } else if (p.extension() == ".jsonl") {
    size_t start = 0;
    while (start < content.size()) {
      size_t nl = content.find('\n', start);
      std::string line = content.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      start = nl == std::string::npos ? content.size() : nl + 1;
      auto obj = ewcli::JsonLineParser::parse(line);
      if (obj.error.empty() && obj.fields.count("text") && obj.fields["text"]) docs.push_back(*obj.fields["text"]);
    }
  } else {
    docs.push_back(std::move(content));
  }
}

uint32_t parse_outputs(const std::string& list) {
  uint32_t bits = 0;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (name == "structure") bits |= EW_OUTPUT_STRUCTURE;
    else if (name == "language") bits |= EW_OUTPUT_LANGUAGE;
    else if (name == "quantities") bits |= EW_OUTPUT_QUANTITIES;
    else if (name == "times") bits |= EW_OUTPUT_TIMES;
    else if (name == "entities") bits |= EW_OUTPUT_ENTITIES;
    else if (name == "events") bits |= EW_OUTPUT_EVENTS;
    else if (name == "all") bits |= EW_OUTPUT_ALL;
    else {
      std::cerr << "unknown output '" << name << "'\n";
      std::exit(2);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return bits;
}

struct Settings {
  bool stages = false, json = false;
  uint32_t outputs = EW_OUTPUT_ALL;
  std::string lang;
};

// Analyses every document once; false on an error.
bool run_public(const eventwire::Engine& engine, const std::vector<std::string>& docs, const Settings& s) {
  eventwire::AnalyzeOptions o;
  o.outputs = s.outputs;
  o.language = s.lang;
  o.max_input_bytes = EW_LIMIT_MAX_INPUT_BYTES;
  for (const auto& text : docs) {
    auto doc = engine.analyze(text, o);
    if (!doc) {
      std::cerr << doc.error().message << "\n";
      return false;
    }
    if (s.json && doc->json().empty()) return false;
  }
  return true;
}

// The same through the internal engine, which reports the time spent in each stage.
bool run_internal(const ::eventwire::internal::Engine& engine, const std::vector<std::string>& docs, const Settings& s,
                  ::eventwire::internal::StageTimes& times) {
  ::eventwire::internal::AnalyzeOptions o;
  o.outputs = s.outputs;
  o.language = ::eventwire::internal::lang_from_code(s.lang);
  o.max_input_bytes = ::eventwire::internal::kLimitMaxInputBytes;
  for (const auto& text : docs)
    if (!engine.analyze(text, o, &times).ok()) return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  int threads = 1;
  double seconds = 2.0;
  long iterations = 0;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--stages") settings.stages = true;
    else if (a == "--outputs") settings.outputs = parse_outputs(next());
    else if (a == "--json") settings.json = true;
    else if (a == "--threads") threads = std::max(1, std::atoi(next().c_str()));
    else if (a == "--seconds") seconds = std::atof(next().c_str());
    else if (a == "--iterations") iterations = std::atol(next().c_str());
    else if (a == "--lang") settings.lang = next();
    else if (a.rfind("--", 0) == 0) {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    } else paths.emplace_back(a);
  }
  if (paths.empty()) {
    std::cerr << "usage: ew_bench [--stages] [--outputs LIST] [--json] [--threads N] [--seconds S]\n"
                 "                [--iterations N] [--lang L] PATH...\n";
    return 2;
  }
  std::vector<std::string> docs;
  for (const auto& p : paths) load(p, docs);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  if (docs.empty() || bytes == 0) {
    std::cerr << "no documents found\n";
    return 1;
  }

  auto engine = eventwire::Engine::create();
  auto internal = ::eventwire::internal::Engine::create();
  if (!engine || !internal.ok()) {
    std::cerr << "cannot create the engine\n";
    return 1;
  }
  std::atomic<bool> failed{false};
  std::atomic<long> passes{0};
  std::vector<::eventwire::internal::StageTimes> stage_times(threads);
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (long mine = 0; !failed;) {
        bool ok = settings.stages ? run_internal(**internal, docs, settings, stage_times[t])
                                  : run_public(*engine, docs, settings);
        if (!ok) failed = true;
        ++mine;
        ++passes;
        if (iterations ? mine >= iterations : elapsed() >= seconds) break;
      }
    });
  }
  for (auto& t : pool) t.join();
  const double secs = elapsed();
  if (failed) return 1;
  const double total_mb = static_cast<double>(bytes) * passes / 1e6;
  std::printf("%zu documents, %zu bytes (%.2f MB), %ld passes on %d thread(s) in %.2f s\n", docs.size(), bytes, bytes / 1e6,
              passes.load(), threads, secs);
  std::printf("pipeline%s: %.1f MB/s, %.0f documents/s\n", settings.stages ? " (internal)" : "", total_mb / secs,
              docs.size() * passes / secs);
  if (settings.stages) {
    for (int s = 0; s < static_cast<int>(::eventwire::internal::Stage::count); ++s) {
      double stage_secs = 0;
      for (const auto& st : stage_times) stage_secs += st.seconds[s];
      std::printf("  %-10s %8.3f s  %10.1f MB/s\n",
                  std::string(::eventwire::internal::stage_name(static_cast<::eventwire::internal::Stage>(s))).c_str(), stage_secs,
                  stage_secs > 0 ? total_mb / stage_secs : 0.0);
    }
  }
  return 0;
}
