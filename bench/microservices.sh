#!/usr/bin/env bash
# Sourced by the benchmarks: starts scripts/run-microservices.sh in the background (gateway on
# GATEWAY_PORT), waits until it is ready, and stops it when the sourcing script exits.
export GATEWAY_PORT="${GATEWAY_PORT:-5200}"
# A benchmark sends everything as one to three clients: lift the gateway's per-client rate limit
# (200 burst, 100/s) far above the load, so the endpoints are measured, not the limiter.
export Marketplace__Gateway__RateLimit__TokenLimit=5000
export Marketplace__Gateway__RateLimit__TokensPerPeriod=5000
microservices_log=$(mktemp)
scripts/run-microservices.sh > "$microservices_log" 2>&1 &
microservices_runner=$!
# TERM, not INT: a background job of a non-interactive shell ignores SIGINT, and the services would outlive the benchmark.
trap 'kill -TERM $microservices_runner 2>/dev/null; wait $microservices_runner 2>/dev/null || true' EXIT
deadline=$((SECONDS + 180))
until grep -q "is ready" "$microservices_log"; do
  [ $SECONDS -lt $deadline ] || { cat "$microservices_log"; exit 1; }
  kill -0 $microservices_runner 2>/dev/null || { cat "$microservices_log"; exit 1; }
  sleep 1
done
