#!/usr/bin/env bash
# Runs every test of the marketplace on a fresh machine that has the .NET SDK:
# installs (apt) and starts a private PostgreSQL and RabbitMQ, installs the checkers the
# tests use (npm) and Debian's chromium for the console's browser tests, builds, runs all test projects,
# stops the services again, and ends with the line "N passed, N failed, N skipped".
# Exit code: 0 only when tests ran and none failed.
#
#   scripts/test.sh --fast   only the pure tests (rules, formulas, tokeniser, canonical JSON, state machine,
#                            architecture; trait Speed=Fast): no services, no npm, seconds after the build.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d /tmp/marketplace-test-results-XXXXXX)"

# Sum the counters of every TRX file: the closing line is computed from results, not from console text.
counter() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }

# Prints the closing line; exits 0 only when tests ran and none failed (dotnet test's status is $1).
report() {
  local passed failed skipped
  passed=$(counter passed)
  failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
  skipped=$(counter notExecuted)
  echo "TRX results: $results"
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$1" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

if [ "${1:-}" = "--fast" ]; then
  dotnet build Marketplace.sln -c Release -warnaserror -nologo -v q
  set +e
  dotnet test Marketplace.sln -c Release --no-build --nologo --filter "Speed=Fast" --logger trx --results-directory "$results"
  status=$?
  set -e
  report "$status"
  exit
fi

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# From a random start, so two runs on one machine (CI next to a developer's run) do not pick the same ports.
export MARKETPLACE_PG_PORT="${MARKETPLACE_PG_PORT:-$(free_port $((5439 + RANDOM % 500)))}"
export MARKETPLACE_RABBITMQ_PORT="${MARKETPLACE_RABBITMQ_PORT:-$(free_port $((6439 + RANDOM % 500)))}"
export MARKETPLACE_SERVICES_DIR="${MARKETPLACE_SERVICES_DIR:-$(mktemp -d /tmp/marketplace-test-XXXXXX)}"
export MARKETPLACE_SERVICES_FAST=1
cleanup() {
  scripts/services.sh stop || true
  rm -rf "$MARKETPLACE_SERVICES_DIR"
}
trap cleanup EXIT
# A failure before any test ran (services, npm, build) still ends with the closing line: nothing passed.
trap 'cleanup; trap - EXIT; report 1 || true' ERR

scripts/services.sh start
# shellcheck disable=SC1091
source "$MARKETPLACE_SERVICES_DIR/env"

# Checkers the project did not write (npm): a JSON-LD processor, an OpenAPI linter, ajv and a SHACL engine.
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix tests/checkers --no-audit --no-fund --loglevel=error

# The console's browser tests: Debian's chromium (Playwright downloads no browser) and a font with Korean glyphs.
if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

dotnet build Marketplace.sln -c Release -warnaserror -nologo -v q
trap - ERR
set +e
# Two lanes, so the machine stays busy and its load bounded: the end-to-end project (the longest: each two classes at a
# time, starting whole processes) from the start, and beside it the module projects (side by side, each one test at a
# time) and then the console's browser tests (run times: README, Tests).
dotnet test tests/EndToEnd.Tests -c Release --no-build --nologo --logger trx --results-directory "$results" &
end_to_end=$!
dotnet test Marketplace.sln -c Release --no-build --nologo --filter "FullyQualifiedName!~Marketplace.EndToEnd" --logger trx --results-directory "$results"
status=$?
dotnet test tests/Console.Tests -c Release --no-build --nologo --logger trx --results-directory "$results"
status=$(( status | $? ))
wait $end_to_end
status=$(( status | $? ))
set -e
if [ "$status" -ne 0 ]; then
  # The shared broker's own account of the run goes with the services' folder: its last complaints, for the record.
  echo "[services] RabbitMQ's last warnings and errors:"
  grep -h "\[warning\]\|\[error\]" "$MARKETPLACE_SERVICES_DIR"/rmq/log/*.log 2>/dev/null | tail -n 40 || true
fi
cleanup
trap - EXIT

report "$status"
