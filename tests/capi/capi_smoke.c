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

  /* Entities: a country and a person with a title, resolved to the country they act for. */
  {
    static const char news[] = "Belgian Minister of Defence Anna Claes met NATO officials in Brussels.";
    const ew_entity *entity = NULL;
    size_t i, found = 0;
    ew_document_destroy(doc);
    EXPECT(ew_engine_analyze(engine, news, sizeof news - 1, NULL, &doc) == EW_OK);
    EXPECT(ew_document_get_summary(doc, &summary) == EW_OK);
    EXPECT(summary->entity_count >= 3);
    for (i = 0; i < summary->entity_count; ++i) {
      EXPECT(ew_document_get_entity(doc, i, &entity) == EW_OK);
      if (strcmp(entity->name, "Anna Claes") == 0) {
        EXPECT(strcmp(entity->type, "PERSON") == 0);
        EXPECT(entity->country && strcmp(entity->country, "BEL") == 0);
        EXPECT(entity->sector && strcmp(entity->sector, "GOV") == 0);
        EXPECT(entity->mention_count == 1 && entity->mentions[0].end - entity->mentions[0].begin == 10);
        ++found;
      }
      if (strcmp(entity->name, "NATO") == 0) {
        EXPECT(entity->org && strcmp(entity->org, "NATO") == 0);
        ++found;
      }
    }
    EXPECT(found == 2);
    EXPECT(ew_document_get_entity(doc, summary->entity_count, &entity) == EW_E_OUT_OF_RANGE);
  }

  ew_document_destroy(doc);
  ew_engine_destroy(engine);

  /* User actor dictionaries: entries given in memory and a file, misuse refused. */
  {
    ew_actor actors[2] = {EW_ACTOR_INIT, EW_ACTOR_INIT};
    const char *files[1];
    const ew_entity *entity = NULL;
    static const char news[] = "Colonel Vos met Acme Arms in Ghent.";
    FILE *f;
    char path[] = "capi_smoke_actors.tsv";
    actors[0].name = "Pieter Vos";
    actors[0].aliases = "Vos";
    actors[0].country = "NLD";
    actors[0].sector = "MIL";
    actors[1].name = "Acme Arms";
    actors[1].type = "ORG";
    actors[1].country = "BEL";
    actors[1].sector = "BUS";
    engine_options.actors = actors;
    engine_options.actor_count = 2;
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_OK);
    EXPECT(ew_engine_analyze(engine, news, sizeof news - 1, NULL, &doc) == EW_OK);
    EXPECT(ew_document_get_entity(doc, 0, &entity) == EW_OK);
    EXPECT(strcmp(entity->name, "Pieter Vos") == 0);
    EXPECT(entity->country && strcmp(entity->country, "NLD") == 0);
    EXPECT(ew_document_get_entity(doc, 1, &entity) == EW_OK);
    EXPECT(strcmp(entity->name, "Acme Arms") == 0 && strcmp(entity->type, "ORG") == 0);
    ew_document_destroy(doc);
    ew_engine_destroy(engine);
    engine = NULL;

    actors[1].country = "Belgium";
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_E_PARSE);
    EXPECT(engine == NULL && strstr(ew_last_error_message(), "actors[1]") != NULL);
    actors[1].country = "BEL";
    actors[1].struct_size = 4;
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_E_INVALID_ARGUMENT);
    actors[1].struct_size = sizeof actors[1];
    engine_options.actors = NULL;
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_E_INVALID_ARGUMENT);
    engine_options.actor_count = 0;

    f = fopen(path, "w");
    EXPECT(f != NULL);
    if (f) {
      fputs("# test dictionary\nname\taliases\ttype\tcountry\nAcme Arms\t\tORG\tFRA\n", f);
      fclose(f);
    }
    files[0] = path;
    engine_options.actor_files = files;
    engine_options.actor_file_count = 1;
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_OK);
    EXPECT(ew_engine_analyze(engine, news, sizeof news - 1, NULL, &doc) == EW_OK);
    EXPECT(ew_document_get_entity(doc, 1, &entity) == EW_OK); /* after "Vos" */
    EXPECT(strcmp(entity->name, "Acme Arms") == 0 && entity->country && strcmp(entity->country, "FRA") == 0);
    ew_document_destroy(doc);
    ew_engine_destroy(engine);
    engine = NULL;
    remove(path);
    files[0] = "/nonexistent/actors.tsv";
    EXPECT(ew_engine_create(&engine_options, &engine) == EW_E_IO);
    EXPECT(engine == NULL);
  }

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
