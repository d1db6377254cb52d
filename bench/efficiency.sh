#!/usr/bin/env bash
# Issue 16's comparisons in one run: the marketplace against bench/Probe (the least work one negotiation action needs),
# interleaved with the same closed-loop load (bench/Efficiency) at 8 and at 50 in flight, in each mode:
#   all-in-one on SQLite, all-in-one on PostgreSQL, microservices (through the gateway, RabbitMQ)
# The marketplace runs from its ReadyToRun, self-contained publish (what deploy/ runs). PostgreSQL is a private instance with fsync on
# and pg_stat_statements loaded (statements per action). Everything it starts, it stops. Figures: docs/benchmarks.md.
#   bench/efficiency.sh [seconds per run (10)] [rounds (3)] [phases (sqlite,postgres,microservices,gateway,sustained,startup)]
#                       [seconds of the sustained run (300)] [its actions in flight (50)]
# gateway: a cheap GET (the catalog's taxonomy) at 32 connections, direct, through nginx as a plain reverse proxy
# (Debian's nginx, installed if missing) and through the gateway.
# sustained: microservices from a fresh start, 50 in flight without warm-up: throughput by minute (the first against the
# rest), the outbox backlog each second and event latency from the producer's commit to each consumer's commit.
# startup: the all-in-one ReadyToRun publish from process start to /health/ready answering 200, three times on a fresh
# data folder (databases created, demo data seeded) and three times on that existing folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
rounds="${2:-3}"
phases="${3:-sqlite,postgres,microservices,gateway,sustained,startup}"
sustain="${4:-300}"
sustain_in_flight="${5:-50}"
work="$(mktemp -d /tmp/marketplace-efficiency-XXXXXX)"
chmod 755 "$work"
export MARKETPLACE_PG_PORT=$((25000 + RANDOM % 500)) MARKETPLACE_RABBITMQ_PORT=$((25500 + RANDOM % 500))
export MARKETPLACE_SERVICES_DIR="$work/services" MARKETPLACE_PG_STATEMENTS=1
# The load comes from three clients: lift the gateway's per-client rate limit far above it.
export Marketplace__Gateway__RateLimit__TokenLimit=100000 Marketplace__Gateway__RateLimit__TokensPerPeriod=100000
log() { echo "[efficiency] $*" >&2; }
pids=()
stop_targets() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  pids=()
}
finish() { stop_targets; scripts/services.sh stop > /dev/null 2>&1 || true; log "logs and results: $work"; }
trap finish EXIT

scripts/services.sh start
# shellcheck disable=SC1091
source "$MARKETPLACE_SERVICES_DIR/env"
postmaster=$(head -n 1 "$MARKETPLACE_SERVICES_DIR/pg/data/postmaster.pid")
# The marketplace as deploy/build-image.sh publishes it for the image: ReadyToRun, self-contained.
dotnet publish src/Host -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$work/host" -nologo -v q
dotnet publish bench/Probe -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/probe" -nologo -v q
dotnet build bench/Efficiency -c Release -nologo -v q > /dev/null

ready() { # url pid log [poll interval (0.2 s)]: waits for /health/ready (the probe: its /token)
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { log "$1 not ready in 120 s"; exit 1; }
    sleep "${4:-0.2}"
  done
}
efficiency() { dotnet bench/Efficiency/bin/Release/net10.0/Marketplace.Bench.Efficiency.dll "$@"; }
probe() { # name database connection port -> starts the probe, its pid in probe_pid
  dotnet "$work/probe/Marketplace.Bench.Probe.dll" --urls "http://127.0.0.1:$4" --Probe:Database "$2" --Probe:ConnectionString "$3" > "$work/$1.log" 2>&1 &
  probe_pid=$!; pids+=("$probe_pid")
  until curl -sf -o /dev/null -X POST "http://127.0.0.1:$4/token"; do kill -0 "$probe_pid" || exit 1; sleep 0.2; done
}
host() { # name target port [VAR=value ...] -> starts a marketplace process, its pid in host_pid
  local name=$1 target=$2 port=$3; shift 3
  env "$@" "$work/host/Marketplace.Host" --target "$target" --urls "http://127.0.0.1:$port" > "$work/$name.log" 2>&1 &
  host_pid=$!; pids+=("$host_pid")
}
compare() { # name, then --target specs
  local name=$1; shift
  efficiency --seconds "$seconds" --rounds "$rounds" \
    --postgres "$MARKETPLACE_TEST_POSTGRES;Database=postgres" --out "$work/$name.json" "$@" | tee "$work/$name.txt" ||
    log "$name: some actions failed (the first failure of each run is printed above)"
}
psql() { PGOPTIONS="-c client_min_messages=warning" "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" -U postgres -d postgres "$@"; }
uptime_line() { log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
pg="$MARKETPLACE_TEST_POSTGRES"
# Microservices: each service on its port behind the gateway on 5610.
settings=(Marketplace__Database__Provider=Postgres Marketplace__Database__Postgres="$pg"
  Marketplace__Bus__Transport=RabbitMq Marketplace__Bus__RabbitMqUri="$MARKETPLACE_TEST_RABBITMQ" Marketplace__Demo__Seed=true
  Marketplace__Identity__Authority=http://127.0.0.1:5614 Marketplace__Identity__Issuer=http://127.0.0.1:5610
  Marketplace__Gateway__Services__catalog=http://127.0.0.1:5611 Marketplace__Gateway__Services__contracts=http://127.0.0.1:5612
  Marketplace__Gateway__Services__pricing=http://127.0.0.1:5613 Marketplace__Gateway__Services__identity=http://127.0.0.1:5614)

all_in_one() { # mode (sqlite|postgres), probe connection, counted processes besides the target's own, marketplace settings...
  local mode=$1 connection=$2 others=$3; shift 3
  log "all-in-one on $mode"; uptime_line
  probe "probe-$mode" "$mode" "$connection" 5601
  host "all-in-one-$mode" all 5602 Marketplace__Demo__Seed=true Marketplace__DataFolder="$work/data-$mode" "$@"
  ready http://127.0.0.1:5602/health/ready "$host_pid" "$work/all-in-one-$mode.log"
  compare "all-in-one-$mode" --target "probe-$mode probe http://127.0.0.1:5601 probe:$probe_pid$others" \
    --target "marketplace-$mode marketplace http://127.0.0.1:5602 host:$host_pid$others"
  uptime_line; stop_targets
}
[[ $phases == *sqlite* ]] && all_in_one sqlite "Data Source=$work/probe.db" ""
if [[ $phases == *postgres* ]]; then
  psql -qc "CREATE DATABASE probe"
  all_in_one postgres "$pg;Database=probe" ",postgres:$postmaster" Marketplace__Database__Provider=Postgres Marketplace__Database__Postgres="$pg"
fi

microservices() { # -> starts the four services and the gateway on fresh module databases; the target spec in services_spec
  # New module databases: those of an earlier phase hold keys protected by that process's key ring.
  for db in marketplace_catalog marketplace_contracts marketplace_pricing marketplace_identity; do
    psql -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
  local port=5611 spec="" target
  for target in catalog contracts pricing identity; do
    host "$target" "$target" "$port" "${settings[@]}" Marketplace__DataFolder="$work/data-$target"
    spec="$spec$target:$host_pid,"; port=$((port + 1))
  done
  for port in 5611 5612 5613 5614; do ready "http://127.0.0.1:$port/health/ready" "$host_pid" "$work/identity.log"; done
  host gateway gateway 5610 "${settings[@]}" Marketplace__DataFolder="$work/data-gateway"
  ready http://127.0.0.1:5610/health/live "$host_pid" "$work/gateway.log"
  # This run's broker among any others on the machine: the Erlang VM started with its AMQP port.
  local beam
  for beam in $(pgrep beam.smp); do tr '\0' '\n' < "/proc/$beam/environ" | grep -qx "RABBITMQ_NODE_PORT=$MARKETPLACE_RABBITMQ_PORT" && break; done
  services_spec="${spec}gateway:$host_pid,postgres:$postmaster,rabbitmq:$beam"
}

if [[ $phases == *microservices* ]]; then
  log "microservices on PostgreSQL and RabbitMQ, through the gateway"; uptime_line
  psql -qc "DROP DATABASE IF EXISTS probe_services WITH (FORCE)"
  psql -qc "CREATE DATABASE probe_services"
  probe probe-services postgres "$pg;Database=probe_services" 5605
  microservices
  compare microservices --target "probe-services probe http://127.0.0.1:5605 probe:$probe_pid,postgres:$postmaster" \
    --target "marketplace-services marketplace http://127.0.0.1:5610 $services_spec"
  uptime_line; stop_targets
fi

if [[ $phases == *sustained* ]]; then
  log "microservices from a fresh start: $sustain s at $sustain_in_flight in flight (first minute, outbox backlog, event latency)"; uptime_line
  microservices
  efficiency --sustain "$sustain" --in-flight "$sustain_in_flight" \
    --postgres "$pg;Database=postgres" --out "$work/sustained.json" --target "marketplace-services marketplace http://127.0.0.1:5610 $services_spec" |
    tee "$work/sustained.txt" || log "sustained: some actions failed (the first failure is printed above)"
  uptime_line; stop_targets
fi

if [[ $phases == *gateway* ]]; then
  log "gateway against nginx: a cheap GET at 32 connections"; uptime_line
  command -v nginx > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light > /dev/null; }
  host catalog catalog 5611 "${settings[@]}" Marketplace__DataFolder="$work/data-catalog"
  catalog_pid=$host_pid
  ready http://127.0.0.1:5611/health/ready "$catalog_pid" "$work/catalog.log"
  host gateway gateway 5610 "${settings[@]}" Marketplace__DataFolder="$work/data-gateway"
  ready http://127.0.0.1:5610/health/live "$host_pid" "$work/gateway.log"
  mkdir -p "$work/nginx"
  cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream catalog { server 127.0.0.1:5611; keepalive 64; }
  server {
    listen 127.0.0.1:5620;
    location / {
      proxy_pass http://catalog;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g "daemon off;" > "$work/nginx.log" 2>&1 &
  nginx_pid=$!; pids+=("$nginx_pid")
  until curl -sf -o /dev/null http://127.0.0.1:5620/api/catalog/taxonomy; do kill -0 "$nginx_pid" || { cat "$work/nginx.log"; exit 1; }; sleep 0.2; done
  path=/api/catalog/taxonomy
  efficiency --seconds "$seconds" --rounds "$rounds" --in-flight 32 --warm-up 10 \
    --out "$work/gateway.json" --target "nginx get http://127.0.0.1:5620$path nginx:$nginx_pid,catalog:$catalog_pid" \
    --target "direct get http://127.0.0.1:5611$path catalog:$catalog_pid" \
    --target "gateway get http://127.0.0.1:5610$path gateway:$host_pid,catalog:$catalog_pid" | tee "$work/gateway.txt" ||
    log "gateway: some requests failed (the first failure of each run is printed above)"
  uptime_line; stop_targets
fi

if [[ $phases == *startup* ]]; then
  log "all-in-one start-up from the ReadyToRun publish"; uptime_line
  : > "$work/startup.txt"
  for data in fresh fresh fresh existing existing existing; do
    [ "$data" = fresh ] && rm -rf "$work/data-startup"
    started=$(date +%s%N)
    host startup all 5630 Marketplace__DataFolder="$work/data-startup"
    ready http://127.0.0.1:5630/health/ready "$host_pid" "$work/startup.log" 0.01
    echo "$data $(( ($(date +%s%N) - started) / 1000000 ))" | tee -a "$work/startup.txt"
    stop_targets
  done
  uptime_line
fi

# One line per target of issue 16, from the medians above (phases not run: not measured).
summary() { # file label in-flight jq-expression
  [ -f "$work/$1.json" ] && jq -r --arg l "$2" --argjson n "$3" ".summaries[] | select(.Label == \$l and .InFlight == \$n) | $4" "$work/$1.json"
}
verdict() { # name measured goal holds(0/1)
  echo "$1: $2 (target $3) $([ "$4" = 1 ] && echo met || echo "not met")"
}
echo
echo "Targets (medians; CPU per action includes the work left behind):"
for n in 8 50; do
  for mode in sqlite postgres; do
    ratio=$(summary "all-in-one-$mode" "marketplace-$mode" "$n" .ThroughputRatio) || continue
    [ -n "$ratio" ] && verdict "throughput all-in-one $mode, $n in flight" "$(printf '%.0f %%' "$(echo "$ratio * 100" | bc)") of the probe" ">= 70 %" "$(echo "$ratio >= 0.7" | bc)"
  done
  ratio=$(summary microservices marketplace-services "$n" .ThroughputRatio) || true
  [ -n "$ratio" ] && verdict "throughput microservices, $n in flight" "$(printf '%.0f %%' "$(echo "$ratio * 100" | bc)") of the probe" ">= 50 %" "$(echo "$ratio >= 0.5" | bc)"
done
for mode in sqlite postgres; do
  p99=$(summary "all-in-one-$mode" "marketplace-$mode" 8 .P99) || continue
  [ -n "$p99" ] && verdict "p99 all-in-one $mode, 8 in flight" "$(printf '%.0f ms' "$p99")" "<= 50 ms" "$(echo "$p99 <= 50" | bc)"
done
if contracts=$(summary microservices marketplace-services 8 .CpuPerAction.contracts) && [ -n "$contracts" ]; then
  probe_cpu=$(summary microservices probe-services 8 .CpuPerAction.probe)
  verdict "CPU per action, Contracts (microservices, 8 in flight)" "$contracts ms, $(echo "scale=1; $contracts / $probe_cpu" | bc)x the probe's $probe_cpu ms" "<= 1.5x" "$(echo "$contracts <= 1.5 * $probe_cpu" | bc)"
  pg_m=$(summary microservices marketplace-services 8 .CpuPerAction.postgres); pg_p=$(summary microservices probe-services 8 .CpuPerAction.postgres)
  verdict "CPU per action, PostgreSQL (microservices, 8 in flight)" "$pg_m ms, $(echo "scale=1; $pg_m / $pg_p" | bc)x the probe's $pg_p ms" "<= 1.5x" "$(echo "$pg_m <= 1.5 * $pg_p" | bc)"
  statements=$(summary microservices marketplace-services 8 '.StatementsPerAction.marketplace_contracts')
  verdict "statements per action, Contracts' database" "$statements" "<= 10" "$(echo "$statements <= 10" | bc)"
fi
if nginx=$(summary gateway nginx 32 .ActionsPerSecond) && [ -n "$nginx" ]; then
  yarp=$(summary gateway gateway 32 .ActionsPerSecond)
  verdict "gateway throughput, cheap GET at 32 connections" "$yarp/s, $(echo "scale=0; 100 * $yarp / $nginx" | bc) % of nginx's $nginx/s" ">= 90 %" "$(echo "$yarp >= 0.9 * $nginx" | bc)"
  verdict "gateway p99" "$(summary gateway gateway 32 .P99) ms against nginx's $(summary gateway nginx 32 .P99) ms" "no worse" "$(echo "$(summary gateway gateway 32 .P99) <= $(summary gateway nginx 32 .P99)" | bc)"
fi
if [ -f "$work/sustained.json" ]; then
  sustained() { jq -r "$1" "$work/sustained.json"; }
  verdict "outbox backlog, $(sustained .Seconds) s at $(sustained .InFlight) in flight (microservices)" \
    "at most $(sustained .MaxBacklog) rows = $(sustained .MaxBacklogSeconds) s of production ($(sustained .EventsPerSecond) events/s)" "< 1 s" "$(echo "$(sustained .MaxBacklogSeconds) < 1" | bc)"
  worst=$(sustained '.LatencyP95ByMinute | max')
  verdict "event latency p95, worst minute" "$worst ms (whole run p95 $(sustained .LatencyP95) ms)" "<= 200 ms" "$(echo "$worst <= 200" | bc)"
  if [ "$(sustained '.ActionsPerSecondByMinute | length')" -ge 2 ]; then
    verdict "first minute after start-up" "$(printf '%.0f %%' "$(echo "$(sustained .FirstMinuteRatio) * 100" | bc)") of the minutes after it" ">= 80 %" "$(echo "$(sustained .FirstMinuteRatio) >= 0.8" | bc)"
  else
    echo "first minute after start-up: not measured (the sustained run needs at least 2 minutes)"
  fi
fi
if [ -s "$work/startup.txt" ]; then
  median() { grep "^$1 " "$work/startup.txt" | cut -d' ' -f2 | sort -n | sed -n 2p; }
  verdict "all-in-one ready from the ReadyToRun publish, existing data (median of 3)" "$(median existing) ms (fresh data folder with the demo seed: $(median fresh) ms)" "<= 2000 ms" "$([ "$(median existing)" -le 2000 ] && echo 1 || echo 0)"
fi
