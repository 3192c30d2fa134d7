#!/usr/bin/env bash
# Runs every test of the solution on this machine or a fresh one: installs what the tests need when it is
# missing (Debian chromium, the browser tests' npm packages), builds once, runs all test projects, and ends
# with one line of totals over all suites: "N passed, N failed". Exits non-zero on any failure.
# Services the tests need are started in start_services and stopped in stop_services (on any exit).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS="$ROOT/test-output/results"
BROWSER_DIR="$ROOT/Bot.Tests/Browser"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "== $*"; }

ensure_chromium() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Debian chromium (browser tests)"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || return 1
  fi
  # The emoji font, so the screenshots show the 👍/👎 buttons instead of empty boxes; the tests pass without it.
  if [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
    log "Installing the emoji font (browser screenshots)"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1 \
      || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1; } \
      || echo "   (no emoji font: screenshots show boxes for emoji)"
  fi
  return 0
}

ensure_browser_packages() {
  if [ -d "$BROWSER_DIR/node_modules/playwright-core" ]; then
    return 0
  fi
  log "Installing the browser tests' npm packages"
  (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

start_services() {
  :
}

stop_services() {
  :
}

build() {
  log "Building"
  dotnet build "$ROOT/ChatBot.sln" -nologo -v quiet -clp:ErrorsOnly
}

run_tests() {
  log "Running tests"
  rm -rf "$RESULTS"
  dotnet test "$ROOT/ChatBot.sln" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout 10m
}

# Sums the counters of every suite's .trx file into "N passed, N failed".
report_totals() {
  local passed=0 failed=0 file counters p f e
  shopt -s nullglob
  for file in "$RESULTS"/*.trx; do
    counters="$(grep -o '<Counters [^>]*>' "$file" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
  done
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

main() {
  cd "$ROOT" || return 1
  ensure_chromium || { echo "Could not install chromium."; echo "0 passed, 0 failed"; return 1; }
  ensure_browser_packages || { echo "Could not install the browser tests' npm packages."; echo "0 passed, 0 failed"; return 1; }
  trap stop_services EXIT
  start_services || { echo "Could not start the test services."; echo "0 passed, 0 failed"; return 1; }
  if ! build; then
    echo "The build failed."
    echo "0 passed, 0 failed"
    return 1
  fi
  run_tests
  local status=$?
  report_totals || status=1
  return "$status"
}

main "$@"
