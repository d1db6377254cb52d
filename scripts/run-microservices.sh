#!/usr/bin/env bash
# Runs the marketplace in microservices mode on one machine: PostgreSQL and RabbitMQ (started by
# scripts/services.sh), every module as its own process of the same binary, and the gateway in front.
# Ctrl+C stops everything it started.
#
# Settings (environment): GATEWAY_PORT (default 5100); the services use GATEWAY_PORT+1..+4.
# MARKETPLACE_PG_PORT / MARKETPLACE_RABBITMQ_PORT / MARKETPLACE_SERVICES_DIR as in scripts/services.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

GATEWAY_PORT="${GATEWAY_PORT:-5100}"
export MARKETPLACE_PG_PORT="${MARKETPLACE_PG_PORT:-5439}"
export MARKETPLACE_RABBITMQ_PORT="${MARKETPLACE_RABBITMQ_PORT:-5679}"
export MARKETPLACE_SERVICES_DIR="${MARKETPLACE_SERVICES_DIR:-/tmp/marketplace-services-$MARKETPLACE_PG_PORT}"
logs="$MARKETPLACE_SERVICES_DIR/logs"
pids=()

stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/services.sh stop
}
trap stop_all EXIT INT TERM

scripts/services.sh start
# shellcheck disable=SC1091
source "$MARKETPLACE_SERVICES_DIR/env"
mkdir -p "$logs"

dotnet build src/Host -c Release -nologo -v q
host_dll="src/Host/bin/Release/net10.0/Marketplace.Host.dll"

export Marketplace__Database__Postgres="$MARKETPLACE_TEST_POSTGRES"
export Marketplace__Bus__RabbitMqUri="$MARKETPLACE_TEST_RABBITMQ"
# Every process validates tokens against Identity's keys, fetched from its internal address.
export Marketplace__Identity__Authority="http://127.0.0.1:$((GATEWAY_PORT + 4))"
# Tokens name the gateway, the address clients use; the Swagger UI's sign-in redirect is registered there too.
export Marketplace__Identity__Issuer="http://127.0.0.1:$GATEWAY_PORT"
# A local demo: Identity seeds the demo organisations listed in README (demo-only credentials).
export Marketplace__Demo__Seed=true

start() { # target port
  # The previous run's log is kept beside the new one (a failure seen in a benchmark stays readable).
  [ -f "$logs/$1.log" ] && mv "$logs/$1.log" "$logs/$1.previous.log"
  dotnet "$host_dll" --target "$1" --urls "http://127.0.0.1:$2" > "$logs/$1.log" 2>&1 &
  pids+=($!)
}

wait_ready() { # target port path
  local deadline=$((SECONDS + 60))
  until curl -fs "http://127.0.0.1:$2$3" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "$1 did not become ready; see $logs/$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$1 ready on http://127.0.0.1:$2"
}

port=$((GATEWAY_PORT + 1))
for target in catalog contracts pricing identity web; do
  export "Marketplace__Gateway__Services__$target=http://127.0.0.1:$port"
  start "$target" "$port"
  port=$((port + 1))
done
port=$((GATEWAY_PORT + 1))
for target in catalog contracts pricing identity web; do
  wait_ready "$target" "$port" /health/ready
  port=$((port + 1))
done

start gateway "$GATEWAY_PORT"
wait_ready gateway "$GATEWAY_PORT" /health/live
echo "Marketplace (microservices) is ready: http://127.0.0.1:$GATEWAY_PORT/ (console), http://127.0.0.1:$GATEWAY_PORT/swagger (API)  (logs in $logs; Ctrl+C stops)"
wait
