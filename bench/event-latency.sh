#!/usr/bin/env bash
# Event latency in microservices mode: starts everything with scripts/run-microservices.sh, publishes
# 1,000 datasets through the gateway and prints p50/p95/p99 of publish -> consumer. Usage:
#   bench/event-latency.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
export GATEWAY_PORT="${GATEWAY_PORT:-5200}"
# shellcheck source=bench/microservices.sh
source bench/microservices.sh
dotnet run -c Release --project bench/EventLatency -- "http://127.0.0.1:$GATEWAY_PORT" "$count" 50
