#!/usr/bin/env bash
# Quote endpoint at a steady rate with 100,000 datasets in Pricing's read model, microservices mode on
# PostgreSQL: starts everything with scripts/run-microservices.sh (demo baselines included), then
# sends quotes through the gateway. Usage:
#   bench/quote-load.sh [rate] [seconds] [datasets] [direct]
# With "direct" as the fourth argument the quotes go to the Pricing service's own port, not the gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
export GATEWAY_PORT="${GATEWAY_PORT:-5400}"
# shellcheck source=bench/microservices.sh
source bench/microservices.sh
# shellcheck disable=SC1091
source "${MARKETPLACE_SERVICES_DIR:-/tmp/marketplace-services-${MARKETPLACE_PG_PORT:-5439}}/env"
dotnet run -c Release --project bench/QuoteLoad -- "http://127.0.0.1:$GATEWAY_PORT" \
  "$MARKETPLACE_TEST_POSTGRES;Database=marketplace_pricing" "${1:-500}" "${2:-30}" "${3:-100000}" \
  ${4:+"http://127.0.0.1:$((GATEWAY_PORT + 3))"}
