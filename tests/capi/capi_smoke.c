/* The C interface from C99, with misuse it must survive: NULL handles and pointers, zero
 * lengths, wrong struct sizes, indexes out of range. Compiled with -pedantic -Werror. */
#include <stdio.h>
#include <string.h>

#include <eventwire/eventwire.h>

static int failures = 0;

#define EXPECT(cond)                                                   \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

int main(void) {
  ew_engine *engine = NULL;
  ew_document *doc = NULL;
  ew_analyze_options options = EW_ANALYZE_OPTIONS_INIT;
  ew_engine_options engine_options = EW_ENGINE_OPTIONS_INIT;
  const ew_document_summary *summary = NULL;
  const ew_block *block = NULL;
  const ew_sentence *sentence = NULL;
  const ew_event *event = NULL;
  const char *json = NULL;
  size_t length = 0;
  ew_span cell;
  int s;
  static const char text[] = "Belgium pledges aid\n\nBelgium will send aid to Ukraine.\n| a | b |\n|---|---|\n| 1 | 2 |\n";

  /* Version and status names. */
  EXPECT(ew_version_number() == EW_VERSION_NUMBER);
  EXPECT(strcmp(ew_version(), EW_VERSION_STRING) == 0);
  EXPECT(strncmp(ew_data_version(), EW_VERSION_STRING, strlen(EW_VERSION_STRING)) == 0);
  for (s = EW_OK; s <= EW_E_PARSE; ++s) EXPECT(strncmp(ew_status_name((ew_status)s), "EW_", 3) == 0);
  EXPECT(strcmp(ew_status_name((ew_status)12345), "EW_E_UNKNOWN") == 0);

  /* Destroying NULL is a no-op; NULL out-pointers are errors. */
  ew_engine_destroy(NULL);
  ew_document_destroy(NULL);
  EXPECT(ew_engine_create(NULL, NULL) == EW_E_INVALID_ARGUMENT);
  engine_options.struct_size = 2;
  EXPECT(ew_engine_create(&engine_options, &engine) == EW_E_INVALID_ARGUMENT);
  EXPECT(engine == NULL);
  EXPECT(strstr(ew_last_error_message(), "struct_size") != NULL);

  engine_options.struct_size = sizeof engine_options;
  EXPECT(ew_engine_create(&engine_options, &engine) == EW_OK);
  EXPECT(engine != NULL);

  /* Misuse of analyze. */
  EXPECT(ew_engine_analyze(NULL, text, 3, NULL, &doc) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_engine_analyze(engine, NULL, 3, NULL, &doc) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_engine_analyze(engine, text, 3, NULL, NULL) == EW_E_INVALID_ARGUMENT);
  options.struct_size = 4;
  EXPECT(ew_engine_analyze(engine, text, 3, &options, &doc) == EW_E_INVALID_ARGUMENT);
  options.struct_size = sizeof options;
  options.outputs = 0x100;
  EXPECT(ew_engine_analyze(engine, text, 3, &options, &doc) == EW_E_INVALID_ARGUMENT);
  options.outputs = EW_OUTPUT_ALL;
  options.language = "de";
  EXPECT(ew_engine_analyze(engine, text, 3, &options, &doc) == EW_E_UNSUPPORTED);
  options.language = NULL;
  options.reference_date = "yesterday";
  EXPECT(ew_engine_analyze(engine, text, 3, &options, &doc) == EW_E_INVALID_ARGUMENT);
  options.reference_date = NULL;
  options.max_input_bytes = 5;
  EXPECT(ew_engine_analyze(engine, text, sizeof text - 1, &options, &doc) == EW_E_INPUT_TOO_LARGE);
  EXPECT(strstr(ew_last_error_message(), "limit") != NULL);
  options.max_input_bytes = 0;
  options.flags = EW_FLAG_STRICT_UTF8;
  EXPECT(ew_engine_analyze(engine, "\xff", 1, &options, &doc) == EW_E_INVALID_UTF8);
  options.flags = 0;
  EXPECT(doc == NULL);

  /* Zero length with a non-NULL pointer, and with NULL. */
  EXPECT(ew_engine_analyze(engine, text, 0, NULL, &doc) == EW_OK);
  EXPECT(ew_document_get_summary(doc, &summary) == EW_OK);
  EXPECT(summary->sentence_count == 0);
  EXPECT(strcmp(summary->language, "und") == 0);
  ew_document_destroy(doc);
  EXPECT(ew_engine_analyze(engine, NULL, 0, NULL, &doc) == EW_OK);
  ew_document_destroy(doc);

  /* A real document. */
  options.reference_date = "2024-02-28";
  options.document_id = "smoke";
  EXPECT(ew_engine_analyze(engine, text, sizeof text - 1, &options, &doc) == EW_OK);
  EXPECT(ew_document_get_summary(doc, &summary) == EW_OK);
  EXPECT(summary->struct_size >= sizeof *summary);
  EXPECT(strcmp(summary->id, "smoke") == 0);
  EXPECT(strcmp(summary->language, "en") == 0);
  EXPECT(strcmp(summary->reference_date, "2024-02-28") == 0);
  EXPECT(summary->title != NULL && strcmp(summary->title, "Belgium pledges aid") == 0);
  EXPECT(summary->block_count == 3);
  EXPECT(summary->input_length == sizeof text - 1);

  EXPECT(ew_document_get_block(doc, 2, &block) == EW_OK);
  EXPECT(strcmp(block->kind, "table") == 0);
  EXPECT(block->row_count == 2 && block->column_count == 2);
  EXPECT(ew_document_get_table_cell(doc, 2, 1, 1, &cell) == EW_OK);
  EXPECT(cell.end - cell.begin == 1 && text[cell.begin] == '2');
  EXPECT(ew_document_get_table_cell(doc, 2, 1, 2, &cell) == EW_E_OUT_OF_RANGE);
  EXPECT(ew_document_get_table_cell(doc, 0, 0, 0, &cell) == EW_E_OUT_OF_RANGE);
  EXPECT(ew_document_get_sentence(doc, 1, &sentence) == EW_OK);
  EXPECT(sentence->block == 1);
  EXPECT(strcmp(sentence->language, "en") == 0);

  /* Out of range and NULL accessors. */
  EXPECT(ew_document_get_block(doc, 99, &block) == EW_E_OUT_OF_RANGE);
  EXPECT(block == NULL);
  EXPECT(strstr(ew_last_error_message(), "out of range") != NULL);
  EXPECT(ew_document_get_event(doc, summary->event_count, &event) == EW_E_OUT_OF_RANGE);
  EXPECT(ew_document_get_event(NULL, 0, &event) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_document_get_event(doc, 0, NULL) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_document_get_summary(NULL, &summary) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_document_json(NULL, &json, &length) == EW_E_INVALID_ARGUMENT);
  EXPECT(ew_document_json(doc, NULL, &length) == EW_E_INVALID_ARGUMENT);

  /* JSON, twice the same. */
  EXPECT(ew_document_json(doc, &json, &length) == EW_OK);
  EXPECT(length > 0 && json[length] == '\0' && strncmp(json, "{\"schema\":\"eventwire/1\"", 23) == 0);
  {
    const char *again = NULL;
    EXPECT(ew_document_json(doc, &again, NULL) == EW_OK);
    EXPECT(again == json);
  }

  ew_document_destroy(doc);
  ew_engine_destroy(engine);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
