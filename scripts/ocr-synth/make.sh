#!/usr/bin/env bash
# Rebuild everything this folder makes, idempotently:
#   corpus (fetch + extract) -> synthetic OCR sets -> scripts/data/ocr-confusions.tsv
# usage: bash scripts/ocr-synth/make.sh [--force|--rerender] [SET ...]
# Needs Debian packages (installed here if missing, as root): tesseract-ocr,
# tesseract-ocr-vie, python3-pil, python3-numpy, fonts-freefont-ttf,
# fonts-texgyre, fonts-noto-core, fonts-liberation2, gettext (msgunfmt), unzip.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || need+=(tesseract-ocr-vie)
/usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
/usr/bin/python3 -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
[ -f /usr/share/fonts/truetype/freefont/FreeSerif.ttf ] || need+=(fonts-freefont-ttf)
[ -f /usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf ] || need+=(fonts-texgyre)
[ -f /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf ] || need+=(fonts-noto-core)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
command -v msgunfmt >/dev/null || need+=(gettext)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  echo "make.sh: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
[ -f "$ROOT/.cache/corpus/READY" ] || { bash "$ROOT/scripts/corpus/fetch.sh" && node "$ROOT/scripts/corpus/extract.mjs"; }
# tesseract's own threads only fight each other on a 2-core machine
export OMP_THREAD_LIMIT=1
node "$ROOT/scripts/ocr-synth/make.mjs" "$@"
node "$ROOT/scripts/ocr-synth/confusions.mjs"
