#!/usr/bin/env bash
# Instructions per input byte of the pipeline, counted by callgrind (stable on a noisy machine):
# only the work inside the internal Engine::analyze is counted, not reading the corpus.
#   tests/bench/instructions_per_byte.sh BUILD_DIR PATH...
set -euo pipefail
build=$1
shift
out=$(mktemp)
trap 'rm -f "$out" "$out".*' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no \
  --toggle-collect='eventwire::internal::Engine::analyze*' \
  "$build/tests/bench/ew_bench" --stages --iterations 1 "$@" >"$out.bench" 2>/dev/null
bytes=$(awk '/documents,/ {print $3}' "$out.bench")
callgrind_annotate "$out" 2>/dev/null | awk -v bytes="$bytes" '
  /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
  END { printf "%.0f instructions, %.0f bytes: %.1f instructions per byte\n", total, bytes, total / bytes }'
callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
  grep -E "Normalizer::normalize|StructureDetector::detect|LanguageDetector::(detect_block|detect_sentences|finish)|Segmenter::segment|EntityRecognizer::Pass::block|QuantityRecognizer::Pass::block|EventExtractor::(extract|finish)|TimeRecognizer::recognize|TimeRecognizer::find_reference_date|map_spans_to_original" |
  awk -v bytes="$bytes" '{ gsub(",", "", $1); name = $0; sub(/.*:eventwire::internal::/, "", name); sub(/\(.*/, "", name);
                           printf "  %-40s %6.1f per byte\n", name, $1 / bytes }'
