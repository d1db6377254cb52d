#!/usr/bin/env bash
# Catalog search with 100,000 datasets on PostgreSQL, microservices mode: starts everything with
# scripts/run-microservices.sh, writes the generated datasets into Catalog's database (once; a rerun
# reuses them), then times one query through the gateway and as direct SQL. Usage:
#   bench/catalog-search.sh [datasets] [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
listings="${1:-100000}"
iterations="${2:-2000}"
export GATEWAY_PORT="${GATEWAY_PORT:-5300}"
# shellcheck source=bench/microservices.sh
source bench/microservices.sh
# shellcheck disable=SC1091
source "${MARKETPLACE_SERVICES_DIR:-/tmp/marketplace-services-${MARKETPLACE_PG_PORT:-5439}}/env"
dotnet run -c Release --project bench/CatalogSearch -- "http://127.0.0.1:$GATEWAY_PORT" \
  "$MARKETPLACE_TEST_POSTGRES;Database=marketplace_catalog" "$listings" "$iterations"
