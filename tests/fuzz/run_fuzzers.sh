#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build (EVENTWIRE_FUZZ=ON) for SECONDS each, two at a
# time, from the corpus in tests/fuzz/corpus plus the sample articles. Prints executions per
# second and corpus size; an input that crashes is copied into tests/fuzz/corpus/<target>/ so
# that it becomes a regression test, and the script fails.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS
set -uo pipefail
build=$1 seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work="$build/fuzz-work"
mkdir -p "$work"
status=0
run_one() {
  local name=$1 bin="$build/tests/fuzz/ew_fuzz_$1"
  local corpus="$work/$name"
  mkdir -p "$corpus" "$work/crashes-$name"
  cp -n "$here/corpus/$name"/* "$corpus"/ 2>/dev/null || true
  "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$work/crashes-$name/" "$corpus" "$here/../../examples/data" >"$work/$name.log" 2>&1
  local rc=$?
  local stats
  stats=$(grep -E "^#[0-9]+.*(DONE|pulse)" "$work/$name.log" | tail -1)
  echo "fuzz $name: exit $rc; $stats; corpus $(ls "$corpus" | wc -l) files"
  if [ $rc -ne 0 ]; then
    for f in "$work/crashes-$name"/*; do
      [ -f "$f" ] && cp "$f" "$here/corpus/$name/" && echo "  kept $(basename "$f") in tests/fuzz/corpus/$name"
    done
    tail -30 "$work/$name.log"
    return 1
  fi
}
names=(analyze normalize_offsets json capi_sequence)
for ((i = 0; i < ${#names[@]}; i += 2)); do
  run_one "${names[i]}" & a=$!
  b=""
  if [ $((i + 1)) -lt ${#names[@]} ]; then run_one "${names[i+1]}" & b=$!; fi
  wait $a || status=1
  [ -n "$b" ] && { wait $b || status=1; }
done
exit $status
