// One engine shared by 8 threads analysing different documents at once gives the same JSON as
// one thread; several threads reading one document at once see the same items. Run under
// ThreadSanitizer by the tsan preset (cmake --workflow --preset tsan).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "eventwire/eventwire.h"

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "threads: %s\n", what);
    ++failures;
  }
}

std::string analyze_json(const ew_engine* engine, const std::string& text, const std::string& id) {
  ew_analyze_options o = EW_ANALYZE_OPTIONS_INIT;
  o.document_id = id.c_str();
  o.reference_date = "2024-02-28";
  ew_document* doc = nullptr;
  if (ew_engine_analyze(engine, text.data(), text.size(), &o, &doc) != EW_OK) return "error";
  const char* json = nullptr;
  size_t length = 0;
  ew_document_json(doc, &json, &length);
  std::string out(json, length);
  ew_document_destroy(doc);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ew_threads SAMPLES_DIR\n");
    return 2;
  }
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    texts.push_back(text);
    texts.push_back(text.substr(0, text.size() / 2));  // and variants, so documents differ
    texts.push_back("\xE2\x80\x9C" + text + "\xFF");
  }
  ew_engine* engine = nullptr;
  check(ew_engine_create(nullptr, &engine) == EW_OK, "engine");

  std::vector<std::string> expected;
  for (size_t i = 0; i < texts.size(); ++i) expected.push_back(analyze_json(engine, texts[i], std::to_string(i)));

  // Eight threads, each going through all documents from a different starting point.
  constexpr int kThreads = 8;
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(texts.size()));
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t)
    pool.emplace_back([&, t] {
      for (size_t k = 0; k < texts.size(); ++k) {
        size_t i = (k + static_cast<size_t>(t) * 3) % texts.size();
        got[t][i] = analyze_json(engine, texts[i], std::to_string(i));
      }
    });
  for (auto& th : pool) th.join();
  for (int t = 0; t < kThreads; ++t)
    for (size_t i = 0; i < texts.size(); ++i) check(got[t][i] == expected[i], "JSON differs from one thread's");

  // One document read by several threads at once: its views and JSON are built once.
  ew_document* doc = nullptr;
  check(ew_engine_analyze(engine, texts[0].data(), texts[0].size(), nullptr, &doc) == EW_OK, "shared document");
  std::vector<const char*> jsons(kThreads);
  std::vector<size_t> sentences(kThreads);
  pool.clear();
  for (int t = 0; t < kThreads; ++t)
    pool.emplace_back([&, t] {
      size_t length = 0;
      ew_document_json(doc, &jsons[t], &length);
      const ew_document_summary* s = nullptr;
      ew_document_get_summary(doc, &s);
      for (size_t i = 0; i < s->sentence_count; ++i) {
        const ew_sentence* sentence = nullptr;
        if (ew_document_get_sentence(doc, i, &sentence) == EW_OK) ++sentences[t];
      }
    });
  for (auto& th : pool) th.join();
  for (int t = 1; t < kThreads; ++t) {
    check(jsons[t] == jsons[0], "one JSON for all readers");
    check(sentences[t] == sentences[0], "same sentences for all readers");
  }
  ew_document_destroy(doc);
  ew_engine_destroy(engine);
  std::printf("%zu documents x %d threads: %s\n", texts.size(), kThreads, failures ? "FAILED" : "same JSON");
  return failures ? 1 : 0;
}
