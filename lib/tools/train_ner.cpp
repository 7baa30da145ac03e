// train_ner: trains the run classifier of the entity stage (entities/run_model.hpp) on NER
// training files in the CoNLL-2002/2003 format, and writes its weights as language data.
//
//   ew_train_ner --lang en [--epochs 12] [--min-count 2] OUT.tsv TRAIN_FILE...
//   e.g. build/release/lib/ew_train_ner --lang en lib/lang/en/ner_runs.tsv conllpp_train.txt
//
// Each document (between -DOCSTART- lines) is laid out as the NER scorers do (tokens joined by
// spaces, sentences by newlines) and analysed by the engine; every capitalised run the
// dictionaries leave unknown is an example, labelled with the gold entity of exactly that span
// (PER, ORG, LOC, MISC) or none. Only training files may be used, never development ones.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "entities/entities.hpp"
#include "pipeline/engine.hpp"

using namespace eventwire::internal;

namespace {

struct GoldSpan {
  uint32_t begin, end;
  int label;
};

struct Doc {
  std::string text;
  std::vector<GoldSpan> gold;
};

int label_of(const std::string& type) {
  if (type == "PER") return static_cast<int>(RunLabel::person);
  if (type == "ORG") return static_cast<int>(RunLabel::org);
  if (type == "LOC") return static_cast<int>(RunLabel::loc);
  if (type == "MISC") return static_cast<int>(RunLabel::misc);
  return -1;
}

// Reads CoNLL files: a token and its tag (last column) a line, blank lines between sentences,
// -DOCSTART- between documents; IOB1 and IOB2 tags are both understood.
std::vector<Doc> read_conll(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<Doc> docs;
  Doc doc;
  bool sentence_open = false;
  std::string prev_tag = "O";
  int cur_label = -1;
  uint32_t cur_begin = 0, cur_end = 0;
  auto close_entity = [&] {
    if (cur_label >= 0) doc.gold.push_back({cur_begin, cur_end, cur_label});
    cur_label = -1;
  };
  auto end_sentence = [&] {
    close_entity();
    prev_tag = "O";
    sentence_open = false;
  };
  auto end_doc = [&] {
    end_sentence();
    if (!doc.text.empty()) docs.push_back(std::move(doc));
    doc = Doc();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_doc();
      continue;
    }
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;) c.push_back(w);
    if (c.empty()) {
      if (sentence_open) doc.text += '\n';
      end_sentence();
      continue;
    }
    if (sentence_open) doc.text += ' ';
    else if (!doc.text.empty() && doc.text.back() != '\n') doc.text += '\n';
    sentence_open = true;
    const std::string& token = c[0];
    const std::string& tag = c.back();
    uint32_t begin = static_cast<uint32_t>(doc.text.size());
    doc.text += token;
    uint32_t end = static_cast<uint32_t>(doc.text.size());
    std::string type = tag == "O" ? "" : tag.substr(2);
    bool starts = tag.rfind("B-", 0) == 0 || (tag.rfind("I-", 0) == 0 && (prev_tag == "O" || prev_tag.substr(2) != type));
    if (cur_label >= 0 && (tag == "O" || starts)) close_entity();
    if (tag != "O") {
      if (starts || cur_label < 0) {
        cur_label = label_of(type);
        cur_begin = begin;
      }
      cur_end = end;
    }
    prev_tag = tag;
  }
  end_doc();
  for (Doc& d : docs)
    while (!d.text.empty() && d.text.back() == '\n') d.text.pop_back();
  return docs;
}

struct Example {
  std::vector<uint32_t> features;  // indexes into the feature table
  int label;
};

// Collects the runs of one document as examples.
class Collector : public RunObserver {
 public:
  Collector(const Doc& doc, std::vector<Example>& out, absl::flat_hash_map<std::string, uint32_t>& ids,
            std::vector<std::string>& names, std::vector<uint32_t>& counts)
      : doc_(doc), out_(out), ids_(ids), names_(names), counts_(counts) {}

  void on_run(const Document& d, Span span, const std::vector<std::string>& features) override {
    Span orig = d.offsets.empty() ? span : d.offsets.to_original(span);
    int label = static_cast<int>(RunLabel::none);
    for (const GoldSpan& g : doc_.gold)
      if (g.begin == orig.begin && g.end == orig.end) label = g.label;
    Example e;
    e.label = label;
    for (const std::string& f : features) {
      auto [it, fresh] = ids_.try_emplace(f, static_cast<uint32_t>(names_.size()));
      if (fresh) {
        names_.push_back(f);
        counts_.push_back(0);
      }
      ++counts_[it->second];
      e.features.push_back(it->second);
    }
    out_.push_back(std::move(e));
  }

 private:
  const Doc& doc_;
  std::vector<Example>& out_;
  absl::flat_hash_map<std::string, uint32_t>& ids_;
  std::vector<std::string>& names_;
  std::vector<uint32_t>& counts_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string lang_code_arg, out_path;
  int epochs = 12;
  uint32_t min_count = 2;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) lang_code_arg = argv[++i];
    else if (a == "--epochs" && i + 1 < argc) epochs = std::atoi(argv[++i]);
    else if (a == "--min-count" && i + 1 < argc) min_count = static_cast<uint32_t>(std::atoi(argv[++i]));
    else if (out_path.empty()) out_path = a;
    else files.push_back(a);
  }
  Lang lang = lang_from_code(lang_code_arg);
  if (lang == Lang::und || out_path.empty() || files.empty()) {
    std::cerr << "usage: ew_train_ner --lang en|nl|fr [--epochs N] [--min-count N] OUT.tsv TRAIN_FILE...\n";
    return 2;
  }
  auto engine = Engine::create();
  if (!engine.ok()) {
    std::cerr << engine.status().message() << "\n";
    return 1;
  }
  std::vector<Example> examples;
  absl::flat_hash_map<std::string, uint32_t> ids;
  std::vector<std::string> names;
  std::vector<uint32_t> counts;
  size_t documents = 0;
  for (const std::string& f : files)
    for (const Doc& doc : read_conll(f)) {
      ++documents;
      AnalyzeOptions options;
      options.language = lang;
      options.outputs = kOutputEntities;
      Collector collector(doc, examples, ids, names, counts);
      auto analysed = (*engine)->analyze(doc.text, options, nullptr, &collector);
      if (!analysed.ok()) {
        std::cerr << analysed.status().message() << "\n";
        return 1;
      }
    }
  std::array<size_t, kRunLabels> per_label{};
  for (const Example& e : examples) ++per_label[e.label];
  std::cerr << documents << " documents, " << examples.size() << " runs (";
  for (int k = 0; k < kRunLabels; ++k) std::cerr << (k ? ", " : "") << kRunLabelNames[k] << " " << per_label[k];
  std::cerr << "), " << names.size() << " features\n";

  // Averaged perceptron (weights summed over every step, kept lazily with time stamps).
  const size_t F = names.size();
  std::vector<float> w(F * kRunLabels, 0), total(F * kRunLabels, 0);
  std::vector<uint32_t> stamp(F * kRunLabels, 0);
  uint32_t step = 0;
  auto update = [&](uint32_t f, int k, float delta) {
    size_t i = f * kRunLabels + k;
    total[i] += static_cast<float>(step - stamp[i]) * w[i];
    stamp[i] = step;
    w[i] += delta;
  };
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t seed = 88172645463325252ull;  // xorshift: the same order on every run
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      std::swap(order[i - 1], order[seed % i]);
    }
    size_t errors = 0;
    for (size_t idx : order) {
      const Example& e = examples[idx];
      ++step;
      std::array<float, kRunLabels> scores{};
      for (uint32_t f : e.features)
        for (int k = 0; k < kRunLabels; ++k) scores[k] += w[f * kRunLabels + k];
      int guess = static_cast<int>(RunModel::best(scores));
      if (guess == e.label) continue;
      ++errors;
      for (uint32_t f : e.features) {
        update(f, e.label, 1);
        update(f, guess, -1);
      }
    }
    std::cerr << "epoch " << epoch + 1 << ": " << errors << " errors\n";
  }
  ++step;
  std::vector<int> averaged(F * kRunLabels);
  for (size_t i = 0; i < F * kRunLabels; ++i) {
    float avg = (total[i] + static_cast<float>(step - stamp[i]) * w[i]) / static_cast<float>(step);
    averaged[i] = static_cast<int>(std::lround(avg * 1000));
  }

  std::vector<uint32_t> kept;
  for (uint32_t f = 0; f < F; ++f) {
    if (counts[f] < min_count) continue;
    bool nonzero = false;
    for (int k = 0; k < kRunLabels; ++k) nonzero |= averaged[f * kRunLabels + k] != 0;
    if (nonzero) kept.push_back(f);
  }
  std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << "# Weights of the " << lang_code(lang) << " run classifier (entities/run_model.hpp), in thousandths.\n"
      << "# Written by lib/tools/train_ner.cpp: do not edit by hand; train again instead.\n";
  out << "feature";
  for (std::string_view l : kRunLabelNames) out << '\t' << l;
  out << '\n';
  for (uint32_t f : kept) {
    out << names[f];
    for (int k = 0; k < kRunLabels; ++k) out << '\t' << averaged[f * kRunLabels + k];
    out << '\n';
  }
  std::cerr << kept.size() << " features written to " << out_path << "\n";
  return out ? 0 : 1;
}
