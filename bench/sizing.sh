#!/usr/bin/env bash
# Sizing: memory and CPU of each process in microservices mode under the negotiation load (bench/Negotiations,
# six actions per negotiation through the gateway) — what docs/deploy.md sizes the deployments from.
# Prints, per process: resident memory at the end, and CPU milliseconds per negotiation action over the run.
#
#   bench/sizing.sh [negotiations] [in flight]     (1,000 and 8 by default; about 4 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
negotiations="${1:-1000}"
in_flight="${2:-8}"
export GATEWAY_PORT="${GATEWAY_PORT:-5200}"
# shellcheck source=bench/microservices.sh
source bench/microservices.sh
dotnet build bench/Negotiations -c Release -nologo -v q > /dev/null

ticks=$(getconf CLK_TCK)
targets=(gateway catalog contracts pricing identity web)
pids_of() { # name: the processes of a target, PostgreSQL or RabbitMQ
  case "$1" in
    postgresql) pgrep -f "postgres" -u postgres || true ;;
    rabbitmq) pgrep -f "beam.smp" || true ;;
    *) pgrep -f "Marketplace.Host.dll --target $1 " ;;
  esac
}
ticks_of() { local total=0 pid; for pid in $(pids_of "$1"); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
rss_of() { local total=0 pid; for pid in $(pids_of "$1"); do total=$((total + $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0))); done; echo $((total / 1024)); }

declare -A before
for name in "${targets[@]}" postgresql rabbitmq; do before[$name]=$(ticks_of "$name"); done
dotnet bench/Negotiations/bin/Release/net10.0/Marketplace.Bench.Negotiations.dll "http://127.0.0.1:$GATEWAY_PORT" "$negotiations" "$in_flight"
# The run's 20 warm-up negotiations count too: their CPU is in the same counters.
actions=$((6 * (negotiations + 20)))
printf '%-11s %10s %22s\n' process "RSS (MiB)" "CPU ms per action"
for name in "${targets[@]}" postgresql rabbitmq; do
  after=$(ticks_of "$name")
  printf '%-11s %10s %22s\n' "$name" "$(rss_of "$name")" "$(awk -v d=$((after - ${before[$name]})) -v t="$ticks" -v a="$actions" 'BEGIN { printf "%.2f", d * 1000 / t / a }')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
