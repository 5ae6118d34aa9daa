#!/usr/bin/env bash
# Download the pure-Python wheels that the engine's test suite needs inside
# Pyodide (see wheels.txt: pinned versions with sha256 hashes) into
# .cache/pyodide-wheels/ under the project root.  Idempotent: when every
# pinned wheel is already there (and matches its hash) nothing is fetched.
# Needs PyPI only the first time; afterwards tools/pyodide_pytest/run.mjs works offline.
#
#   usage: tools/pyodide_pytest/fetch_wheels.sh [DEST_DIR]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="${1:-$root/.cache/pyodide-wheels}"
list="$here/wheels.txt"
python="${PYTHON:-python3}"
mkdir -p "$dest"

# Which pinned wheels are missing or corrupt?  (name==version --hash=sha256:HEX)
missing=0
while read -r spec hashopt; do
  case "$spec" in ''|'#'*) continue ;; esac
  name="${spec%%==*}"; version="${spec##*==}"; want="${hashopt#--hash=sha256:}"
  found=""
  for f in "$dest"/"$name"-"$version"-*.whl; do
    [ -e "$f" ] || continue
    if [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$want" ]; then found="$f"; else
      echo "fetch_wheels: hash mismatch, removing $f" >&2; rm -f "$f"; fi
  done
  [ -n "$found" ] || { echo "fetch_wheels: missing $name $version"; missing=1; }
done < "$list"

if [ "$missing" = 0 ]; then
  echo "fetch_wheels: all wheels present in $dest"
  exit 0
fi

"$python" -m pip download --quiet --disable-pip-version-check \
  --only-binary=:all: --platform any --python-version 3.14 \
  --implementation py --abi none --no-deps --require-hashes \
  -r "$list" -d "$dest"
echo "fetch_wheels: wheels ready in $dest"
