#!/usr/bin/env bash
# Two replicas of every service behind one gateway, on one PostgreSQL and a three-node RabbitMQ cluster with quorum
# queues, under a steady mixed load (bench/Reliability: publications, negotiations to FINALIZED, searches, console
# pages, token requests). While the load runs: the first broker node is stopped and started again (it rejoins),
# then the second; then every replica is restarted in turn (TERM, drain, start). Afterwards every event must have
# reached every consumer exactly once. Prints the figures docs/reliability.md quotes; exits non-zero on any failed
# request or lost or doubled event.
#
#   bench/replicas.sh [publications]     (2,000 by default; about 6 minutes on a 2-core machine)
#
# Settings (environment): GATEWAY_PORT (default 5300; the replicas use the next ten ports),
# MARKETPLACE_PG_PORT (5469), MARKETPLACE_RABBITMQ_PORT (5709; the cluster's nodes use it and the next two),
# MARKETPLACE_SERVICES_DIR (/tmp/marketplace-replicas; emptied at the start: every run begins on empty databases).
set -euo pipefail
cd "$(dirname "$0")/.."

publications="${1:-2000}"
GATEWAY_PORT="${GATEWAY_PORT:-5300}"
export MARKETPLACE_PG_PORT="${MARKETPLACE_PG_PORT:-5469}"
export MARKETPLACE_RABBITMQ_PORT="${MARKETPLACE_RABBITMQ_PORT:-5709}"
export MARKETPLACE_SERVICES_DIR="${MARKETPLACE_SERVICES_DIR:-/tmp/marketplace-replicas}"
unset MARKETPLACE_SERVICES_FAST
dir="$MARKETPLACE_SERVICES_DIR"
logs="$dir/logs"
rmq="$MARKETPLACE_RABBITMQ_PORT"
targets=(catalog contracts pricing identity web)
declare -A pids
load_pid=""

say() { echo "[$(date +%H:%M:%S)] $*"; }

stop_all() {
  trap - EXIT INT TERM
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/services.sh stop-rabbitmq-cluster >/dev/null 2>&1 || true
  scripts/services.sh stop-postgres >/dev/null 2>&1 || true
}
trap stop_all EXIT INT TERM

# Every run starts on empty databases and a new cluster.
scripts/services.sh stop-rabbitmq-cluster >/dev/null 2>&1 || true
scripts/services.sh stop-postgres >/dev/null 2>&1 || true
rm -rf "$dir"
mkdir -p "$dir" "$logs"
chmod 755 "$dir"
scripts/services.sh install
scripts/services.sh start-postgres
scripts/services.sh start-rabbitmq-cluster

# What a deployment runs (deploy/Containerfile): the ReadyToRun publish, which starts with less JIT work.
dotnet publish src/Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$dir/publish" -nologo -v q \
  > "$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }
dotnet build bench/Reliability -c Release -nologo -v q > "$logs/build-bench.log" 2>&1 || { cat "$logs/build-bench.log"; exit 1; }
host_dll="$dir/publish/Marketplace.Host.dll"
bench_dll="bench/Reliability/bin/Release/net10.0/Marketplace.Bench.Reliability.dll"

gateway="http://127.0.0.1:$GATEWAY_PORT"
postgres="Host=127.0.0.1;Port=$MARKETPLACE_PG_PORT;Username=postgres"
export Marketplace__Database__Postgres="$postgres"
export Marketplace__Bus__RabbitMqUri="amqp://guest:guest@127.0.0.1:$rmq/"
export Marketplace__Bus__ClusterNodes__0="127.0.0.1:$rmq" Marketplace__Bus__ClusterNodes__1="127.0.0.1:$((rmq + 1))" \
  Marketplace__Bus__ClusterNodes__2="127.0.0.1:$((rmq + 2))"
export Marketplace__Bus__QuorumQueues=true
# Tokens name the gateway; every service takes Identity's keys through it (the gateway balances Identity's replicas).
export Marketplace__Identity__Issuer="$gateway" Marketplace__Identity__Authority="$gateway"
export Marketplace__Demo__Seed=true
# The console's replicas share people's sessions in PostgreSQL (marketplace_web).
export Marketplace__Web__SessionStore=Postgres
# One data folder for all, as replicas share a volume for the key ring and the development token keys.
export Marketplace__DataFolder="$dir/data"
# The gateway asks each replica every second; two failed answers take it out. Three seconds cover that.
export Marketplace__DrainDelay=00:00:03
export Marketplace__Gateway__RateLimit__TokenLimit=100000 Marketplace__Gateway__RateLimit__TokensPerPeriod=100000

port_of() { # target replica
  local i
  [ "$1" = gateway ] && { echo "$GATEWAY_PORT"; return; }
  for i in "${!targets[@]}"; do [ "${targets[$i]}" = "$1" ] && echo $((GATEWAY_PORT + 1 + 2 * i + $2 - 1)); done
}

start() { # target replica
  dotnet "$host_dll" --target "$1" --urls "http://127.0.0.1:$(port_of "$1" "$2")" >> "$logs/$1-$2.log" 2>&1 &
  pids["$1-$2"]=$!
}

wait_ready() { # url
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || { say "$1 did not become ready; logs in $logs"; exit 1; }
    sleep 0.2
  done
}

for target in "${targets[@]}"; do
  export "Marketplace__Gateway__Services__$target=http://127.0.0.1:$(port_of "$target" 1),http://127.0.0.1:$(port_of "$target" 2)"
done

# Both replicas of every service at once, on empty databases: they migrate and seed one at a time.
began=$SECONDS
for target in "${targets[@]}"; do start "$target" 1; start "$target" 2; done
for target in "${targets[@]}"; do
  for replica in 1 2; do wait_ready "http://127.0.0.1:$(port_of "$target" "$replica")/health/ready"; done
done
say "ten replicas started together on empty databases are ready after $((SECONDS - began)) s"
start gateway 1
wait_ready "$gateway/health/live"

rm -f "$dir/stop"
dotnet "$bench_dll" load "$gateway" "$dir/stop" "$publications" > "$dir/load.log" 2>&1 &
load_pid=$!
until grep -q " s  " "$dir/load.log"; do
  kill -0 "$load_pid" 2>/dev/null || { cat "$dir/load.log"; exit 1; }
  sleep 1
done
say "load running"
sleep 10

# Broker nodes: the first (every process's first address) stops, comes back and rejoins; then the second.
for node in "$rmq" "$((rmq + 1))"; do
  say "stopping RabbitMQ node $node"
  scripts/services.sh stop-node "$node"
  sleep 20
  say "starting RabbitMQ node $node again"
  scripts/services.sh start-node "$node"
  sleep 10
done

# Rolling restart: each replica in turn is told to stop (it drains), exits, starts again, and is ready before the next.
for target in "${targets[@]}"; do
  for replica in 1 2; do
    began=$SECONDS
    kill -TERM "${pids[$target-$replica]}"
    code=0
    wait "${pids[$target-$replica]}" || code=$?
    stopped=$SECONDS
    start "$target" "$replica"
    wait_ready "http://127.0.0.1:$(port_of "$target" "$replica")/health/ready"
    say "restarted $target-$replica: stopped in $((stopped - began)) s (exit code $code), ready again $((SECONDS - stopped)) s later"
    # The gateway's next health check (every second) puts it back in the rotation before its twin goes.
    sleep 2
  done
done
sleep 5

touch "$dir/stop"
load_code=0
wait "$load_pid" || load_code=$?
load_pid=""
cat "$dir/load.log" | grep -v "^ *[0-9]* s  "
say "checking the events"
verify_code=0
dotnet "$bench_dll" verify "$postgres" 180 || verify_code=$?
echo "queues (name, type, messages):"
scripts/services.sh list-queues / | sed 's/^/  /'
if [ "$load_code" = 0 ] && [ "$verify_code" = 0 ]; then
  say "replicas: no failed request, every event delivered once"
else
  say "replicas: FAILED (load exit $load_code, checks exit $verify_code); logs in $logs"
  exit 1
fi
