#!/usr/bin/env bash
# Runs every test of the solution on this machine or a fresh one: installs what the tests need when it is
# missing (Debian chromium, the browser tests' npm packages, the Bicep CLI), builds once, runs all test projects,
# and ends with one line of totals over all suites: "N passed, N failed". Exits non-zero on any failure.
# Services the tests need are started in start_services and stopped in stop_services (on any exit).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS="$ROOT/test-output/results"
BROWSER_DIR="$ROOT/Bot.Tests/Browser"
BICEP_PROJECT="$ROOT/deploymentTemplates/tools/BicepCli.csproj"
AZURITE_VERSION="3.37.0"
AZURITE_DIR="$ROOT/.tools/azurite"
AZURITE_MAIN="$AZURITE_DIR/node_modules/azurite/dist/src/blob/main.js"
AZURITE_PID=""
AZURITE_DATA=""
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

# The Bicep CLI that the deployment template tests (Bot.Tests/Deployment) compile deploymentTemplates/ with:
# the NuGet package Azure.Bicep.CommandLine.linux-x64, restored by a download-only project kept out of ChatBot.sln.
ensure_bicep() {
  local version cli
  version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$BICEP_PROJECT")"
  cli="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [ ! -f "$cli" ]; then
    log "Restoring the Bicep CLI $version (deployment template tests)"
    dotnet restore "$BICEP_PROJECT" -nologo -v quiet || return 1
  fi
  chmod +x "$cli"
}

# Azurite (the Azure Blob Storage emulator) for the Blob storage tests, in the git-ignored tools folder.
ensure_azurite() {
  if [ -f "$AZURITE_MAIN" ] && grep -q "\"version\": \"$AZURITE_VERSION\"" "$AZURITE_DIR/node_modules/azurite/package.json" 2>/dev/null; then
    return 0
  fi
  log "Installing azurite@$AZURITE_VERSION into .tools/azurite (about 35 s)"
  mkdir -p "$AZURITE_DIR"
  (cd "$AZURITE_DIR" && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

# One Blob-service process on a free loopback port; the tests get its connection string in CHATBOT_TEST_AZURITE.
start_services() {
  ensure_azurite || { echo "Could not install azurite@$AZURITE_VERSION."; return 1; }
  local port
  port="$(free_port)"
  AZURITE_DATA="$(mktemp -d "${TMPDIR:-/tmp}/chatbot-azurite.XXXXXX")"
  node "$AZURITE_MAIN" --silent --location "$AZURITE_DATA" --blobHost 127.0.0.1 --blobPort "$port" \
    --skipApiVersionCheck --disableTelemetry >"$AZURITE_DATA.log" 2>&1 &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export CHATBOT_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
      log "Azurite Blob service on 127.0.0.1:$port (pid $AZURITE_PID)"
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite exited:"; cat "$AZURITE_DATA.log"; return 1
    fi
    sleep 0.1
  done
  echo "Azurite did not listen on 127.0.0.1:$port within 10 s."
  return 1
}

stop_services() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null
  fi
  if [ -n "$AZURITE_DATA" ]; then
    rm -rf "$AZURITE_DATA" "$AZURITE_DATA.log"
  fi
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
  ensure_bicep || { echo "Could not restore the Bicep CLI (deploymentTemplates/tools/BicepCli.csproj)."; echo "0 passed, 0 failed"; return 1; }
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
