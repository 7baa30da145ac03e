#!/usr/bin/env bash
# Installs the built project into a temporary prefix and uses it as an outside project would:
# the C++ example through find_package(eventwire), the C example through pkg-config, and the
# Python package from the installed tree.
#   check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" >/dev/null

# C++ consumer through the CMake package.
cmake -S "$source/examples/cpp" -B "$work/cpp" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cpp" >/dev/null
"$work/cpp/list_events" "$source/examples/data/seed-002.txt" 2024-02-28 | tee "$work/cpp.out" | head -3
grep -q "language en" "$work/cpp.out"

# C consumer through pkg-config.
pc_dir=$(dirname "$(find "$prefix" -name eventwire.pc | head -1)")
flags=$(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs eventwire)
libdir=$(PKG_CONFIG_PATH="$pc_dir" pkg-config --variable=libdir eventwire)
cc -std=c99 -Wall -Wextra -pedantic -Werror "$source/examples/c/analyze.c" $flags -o "$work/analyze_c"
LD_LIBRARY_PATH="$libdir" "$work/analyze_c" "$source/examples/data/seed-003.txt" | tee "$work/c.out" | head -2
grep -q "language nl" "$work/c.out"

# Only the C interface is exported.
exported=$(nm -D --defined-only "$libdir"/libeventwire.so | awk '{print $3}' | grep -v '^ew_' | grep -v '^EVENTWIRE_' || true)
if [ -n "$exported" ]; then
  echo "symbols exported besides ew_*:" >&2
  echo "$exported" | head >&2
  exit 1
fi

# The Python package, run from outside the source tree, finds the installed library.
pydir=$(dirname "$(find "$prefix" -type d -name eventwire -path '*python*' | head -1)")
(cd "$work" && PYTHONPATH="$pydir" python3 -c "
import eventwire
doc = eventwire.analyze(open('$source/examples/data/seed-003.txt', encoding='utf-8').read())
assert doc.language == 'nl', doc.language
print('python:', eventwire.library_version(), doc)
")
echo "install check passed"
