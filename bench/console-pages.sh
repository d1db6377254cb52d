#!/usr/bin/env bash
# Server time of the console's search and dataset pages with the 40 demo datasets (issue 14: p95 <= 150 ms), each
# next to the API call it is built on, in one run. Starts README's all-in-one marketplace (Release build, a fresh
# data folder, demo data) on a free port, runs bench/ConsolePages against it and stops it. Usage:
#   bench/console-pages.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-500}"
dotnet build src/Host -c Release -nologo -v q
dotnet build bench/ConsolePages -c Release -nologo -v q
port=5600
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data="$(mktemp -d /tmp/marketplace-console-bench-XXXXXX)"
# The benchmark measures rendering, not the edge's per-address rate limit (the bench and the console share 127.0.0.1).
(cd "$data" && Marketplace__Gateway__RateLimit__TokenLimit=1000000 Marketplace__Gateway__RateLimit__TokensPerPeriod=1000000 exec dotnet "$OLDPWD/src/Host/bin/Release/net10.0/Marketplace.Host.dll" --urls "http://127.0.0.1:$port" >host.log 2>&1) &
host=$!
trap 'kill $host 2>/dev/null || true; wait $host 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 $host 2>/dev/null || { cat "$data/host.log"; exit 1; }
  sleep 0.5
done
dotnet bench/ConsolePages/bin/Release/net10.0/Marketplace.Bench.ConsolePages.dll "http://127.0.0.1:$port" "$iterations"
