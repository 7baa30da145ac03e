// Random sequences of C interface calls, misuse included: NULL handles and pointers, zero
// lengths, wrong struct sizes, indexes out of range, documents destroyed in any order.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "eventwire/eventwire.h"

namespace {
void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "capi sequence: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static ew_engine* engine = [] {
    ew_engine* e = nullptr;
    ew_engine_create(nullptr, &e);
    return e;
  }();
  FuzzedDataProvider fdp(data, size);
  std::vector<ew_document*> docs;
  for (int step = 0; step < 32 && fdp.remaining_bytes() > 0; ++step) {
    switch (fdp.ConsumeIntegralInRange<int>(0, 7)) {
      case 0: {  // analyze, with options of any shape
        ew_analyze_options o = EW_ANALYZE_OPTIONS_INIT;
        if (fdp.ConsumeBool()) o.struct_size = fdp.ConsumeIntegralInRange<uint32_t>(0, 2 * sizeof o);
        o.outputs = fdp.ConsumeIntegral<uint32_t>() & (fdp.ConsumeBool() ? 0xFFu : 0x3Fu);
        o.flags = fdp.ConsumeIntegralInRange<uint32_t>(0, 3);
        static const char* const languages[] = {nullptr, "en", "nl", "fr", "de", "", "EN"};
        o.language = languages[fdp.ConsumeIntegralInRange<int>(0, 6)];
        static const char* const dates[] = {nullptr, "2024-02-28", "2024-02-30", "x", ""};
        o.reference_date = dates[fdp.ConsumeIntegralInRange<int>(0, 4)];
        o.max_input_bytes = fdp.ConsumeIntegralInRange<uint64_t>(0, 4096);
        std::string text = fdp.ConsumeRandomLengthString(2048);
        const char* ptr = fdp.ConsumeBool() ? text.data() : nullptr;
        size_t len = fdp.ConsumeBool() ? text.size() : 0;
        ew_document* d = nullptr;
        ew_status s = ew_engine_analyze(fdp.ConsumeBool() ? engine : nullptr, ptr, len,
                                        fdp.ConsumeBool() ? &o : nullptr, &d);
        expect((s == EW_OK) == (d != nullptr), "a document exactly when EW_OK");
        if (d) docs.push_back(d);
        break;
      }
      case 1: {  // read every item of a document, and one past the end
        if (docs.empty()) break;
        ew_document* d = docs[fdp.ConsumeIntegralInRange<size_t>(0, docs.size() - 1)];
        const ew_document_summary* sum = nullptr;
        expect(ew_document_get_summary(d, &sum) == EW_OK, "summary");
        const ew_block* b;
        const ew_sentence* se;
        const ew_entity* en;
        const ew_quantity* q;
        const ew_time* t;
        const ew_event* ev;
        for (size_t i = 0; i <= sum->block_count; ++i)
          expect((ew_document_get_block(d, i, &b) == EW_OK) == (i < sum->block_count), "block");
        for (size_t i = 0; i <= sum->sentence_count; ++i)
          expect((ew_document_get_sentence(d, i, &se) == EW_OK) == (i < sum->sentence_count), "sentence");
        for (size_t i = 0; i <= sum->entity_count; ++i)
          expect((ew_document_get_entity(d, i, &en) == EW_OK) == (i < sum->entity_count), "entity");
        for (size_t i = 0; i <= sum->quantity_count; ++i)
          expect((ew_document_get_quantity(d, i, &q) == EW_OK) == (i < sum->quantity_count), "quantity");
        for (size_t i = 0; i <= sum->time_count; ++i)
          expect((ew_document_get_time(d, i, &t) == EW_OK) == (i < sum->time_count), "time");
        for (size_t i = 0; i <= sum->event_count; ++i)
          expect((ew_document_get_event(d, i, &ev) == EW_OK) == (i < sum->event_count), "event");
        break;
      }
      case 2: {  // JSON
        ew_document* d = docs.empty() || fdp.ConsumeBool() ? nullptr : docs.back();
        const char* json = nullptr;
        size_t length = 0;
        ew_status s = ew_document_json(d, fdp.ConsumeBool() ? &json : nullptr, &length);
        expect((s == EW_OK) == (d != nullptr && json != nullptr), "json");
        break;
      }
      case 3: {  // destroy one, in any order
        if (docs.empty()) {
          ew_document_destroy(nullptr);
          break;
        }
        size_t i = fdp.ConsumeIntegralInRange<size_t>(0, docs.size() - 1);
        ew_document_destroy(docs[i]);
        docs.erase(docs.begin() + static_cast<long>(i));
        break;
      }
      case 4: {  // table cells at any coordinates
        if (docs.empty()) break;
        ew_span cell;
        ew_document_get_table_cell(docs.back(), fdp.ConsumeIntegralInRange<size_t>(0, 40),
                                   fdp.ConsumeIntegralInRange<size_t>(0, 40), fdp.ConsumeIntegralInRange<size_t>(0, 40),
                                   fdp.ConsumeBool() ? &cell : nullptr);
        break;
      }
      case 5:  // NULL everywhere
        expect(ew_document_get_event(nullptr, 0, nullptr) == EW_E_INVALID_ARGUMENT, "NULL accessor");
        expect(ew_engine_analyze(engine, "x", 1, nullptr, nullptr) == EW_E_INVALID_ARGUMENT, "NULL out");
        break;
      case 6:
        expect(ew_status_name(static_cast<ew_status>(fdp.ConsumeIntegral<int>())) != nullptr, "status name");
        expect(ew_last_error_message() != nullptr, "last error");
        break;
      default: {  // engine options of any size
        ew_engine_options eo = EW_ENGINE_OPTIONS_INIT;
        eo.struct_size = fdp.ConsumeIntegralInRange<uint32_t>(0, 64);
        ew_engine* e = nullptr;
        ew_status s = ew_engine_create(fdp.ConsumeBool() ? &eo : nullptr, &e);
        expect((s == EW_OK) == (e != nullptr), "an engine exactly when EW_OK");
        ew_engine_destroy(e);
        break;
      }
    }
  }
  for (ew_document* d : docs) ew_document_destroy(d);
  return 0;
}
