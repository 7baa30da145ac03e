/* The C interface in a nutshell: analyse a file and list what eventwire found in it.
 *
 *   ew_example_c FILE [YYYY-MM-DD]
 */
#include <stdio.h>
#include <stdlib.h>

#include <eventwire/eventwire.h>

static char *read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (buf = malloc((size_t)size + 1)) != NULL) {
    *length = fread(buf, 1, (size_t)size, f);
  }
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  ew_engine *engine = NULL;
  ew_document *doc = NULL;
  ew_analyze_options options = EW_ANALYZE_OPTIONS_INIT;
  const ew_document_summary *summary = NULL;
  size_t length = 0, i;
  char *text;
  ew_status status;

  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE [YYYY-MM-DD]\n", argv[0]);
    return 2;
  }
  text = read_file(argv[1], &length);
  if (!text) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  if (argc > 2) options.reference_date = argv[2];
  options.document_id = argv[1];

  status = ew_engine_create(NULL, &engine);
  if (status == EW_OK) status = ew_engine_analyze(engine, text, length, &options, &doc);
  if (status != EW_OK) {
    fprintf(stderr, "eventwire: %s: %s\n", ew_status_name(status), ew_last_error_message());
    free(text);
    ew_engine_destroy(engine);
    return 1;
  }

  ew_document_get_summary(doc, &summary);
  printf("%s: language %s, %lu blocks, %lu sentences, title: %s\n", summary->id, summary->language,
         (unsigned long)summary->block_count, (unsigned long)summary->sentence_count,
         summary->title ? summary->title : "(none)");
  for (i = 0; i < summary->event_count; ++i) {
    const ew_event *e = NULL;
    ew_document_get_event(doc, i, &e);
    printf("  event %s %s (%s, %s) \"%s\"\n", e->id, e->type, e->modality, e->polarity, e->trigger_text);
  }
  for (i = 0; i < summary->quantity_count; ++i) {
    const ew_quantity *q = NULL;
    ew_document_get_quantity(doc, i, &q);
    printf("  quantity %s %s \"%s\" = %s %s\n", q->id, q->kind, q->text, q->value_text, q->unit ? q->unit : "");
  }
  for (i = 0; i < summary->block_count; ++i) {
    const ew_block *b = NULL;
    ew_document_get_block(doc, i, &b);
    if (b->row_count) printf("  table at [%lu, %lu): %lu rows\n", (unsigned long)b->span.begin,
                             (unsigned long)b->span.end, (unsigned long)b->row_count);
  }

  ew_document_destroy(doc);
  ew_engine_destroy(engine);
  free(text);
  return 0;
}
