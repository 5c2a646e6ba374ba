#!/usr/bin/env bash
# A longer property-based run of the engine hardening tests (the test suite runs a few hundred cases).
# Usage: scripts/fuzz.sh [RUNS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
node esbuild.mjs --tests
BULLETIN_FC_RUNS="${1:-20000}" npx mocha --ui tdd --timeout 0 test/out/unit/hardening/engine.property.test.js
