#!/usr/bin/env bash
# Fetch and unpack the Debian packages whose Vietnamese text feeds the corpus
# used for counting (see SOURCES.md for each package's license).
# Idempotent: a package already unpacked under .cache/raw/<pkg> is skipped.
# Nothing here is committed: .cache/ is gitignored; only derived counts ship.
#
# usage: bash scripts/corpus/fetch.sh      (then: node scripts/corpus/extract.mjs)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEB="$ROOT/.cache/deb"
RAW="$ROOT/.cache/raw"
mkdir -p "$DEB" "$RAW"

PKGS=(
  libreoffice-help-vi   # MPL-2.0  LibreOffice help pages (HTML/XHP)
  libreoffice-l10n-vi   # MPL-2.0  LibreOffice UI translations (.mo)
  firefox-esr-l10n-vi   # MPL-2.0  Firefox UI translations (.ftl/.properties in a .xpi)
  thunderbird-l10n-vi   # MPL-2.0  Thunderbird UI translations
  manpages-vi           # GPL-3+   manpages-l10n Vietnamese man pages
  maint-guide-vi        # GPL-2+ / MIT-style  Debian New Maintainers' Guide
)

for p in "${PKGS[@]}"; do
  if [ -f "$RAW/$p/.done" ]; then echo "fetch: $p already unpacked"; continue; fi
  if ! ls "$DEB/${p}_"*.deb >/dev/null 2>&1; then
    (cd "$DEB" && apt-get download "$p" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  fi
  f=$(ls "$DEB/${p}_"*.deb 2>/dev/null | head -1 || true)
  if [ -z "$f" ]; then
    echo "fetch: could not download $p (run apt-get update?)" >&2; continue
  fi
  rm -rf "$RAW/$p"; mkdir -p "$RAW/$p"
  dpkg -x "$f" "$RAW/$p"
  # .xpi language packs are zip files: unpack them beside themselves
  find "$RAW/$p" -name '*.xpi' | while read -r x; do
    mkdir -p "$x.d" && unzip -q -o "$x" -d "$x.d"
  done
  touch "$RAW/$p/.done"
  echo "fetch: $p unpacked"
done

# Vietnamese message catalogues of the packages installed on this machine
# (each .mo carries its package's license; recorded per file by extract.mjs)
mkdir -p "$RAW/locale-vi"
if [ -d /usr/share/locale/vi/LC_MESSAGES ]; then
  for mo in /usr/share/locale/vi/LC_MESSAGES/*.mo; do
    b=$(basename "$mo" .mo)
    [ -f "$RAW/locale-vi/$b.po" ] || msgunfmt "$mo" -o "$RAW/locale-vi/$b.po" 2>/dev/null || true
  done
fi
echo "fetch: done"
