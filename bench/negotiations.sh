#!/usr/bin/env bash
# 1,000 complete negotiations (six actions each), 50 in flight, through the gateway in microservices mode
# on PostgreSQL and RabbitMQ: starts everything with scripts/run-microservices.sh (demo organisations and
# baselines), then runs bench/Negotiations against the gateway. Usage:
#   bench/negotiations.sh [negotiations] [in flight]
set -euo pipefail
cd "$(dirname "$0")/.."
export GATEWAY_PORT="${GATEWAY_PORT:-5400}"
# shellcheck source=bench/microservices.sh
source bench/microservices.sh
dotnet run -c Release --project bench/Negotiations -- "http://127.0.0.1:$GATEWAY_PORT" "${1:-1000}" "${2:-50}"
