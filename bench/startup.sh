#!/usr/bin/env bash
# All-in-one start-up and idle memory. For two builds of the same code — the Release build output that
# `dotnet run` uses, and the ReadyToRun publish that a deployment uses — starts the binary RUNS times
# on a fresh data folder (databases created) and once on an existing one, measures the time from
# process start to /health/ready answering 200, lets it idle and reads its resident memory.
#   bench/startup.sh [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
idle="${2:-15}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/Host -c Release -nologo -v q >/dev/null
dotnet publish src/Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/publish" -nologo -v q >/dev/null

measure() { # label, dll, data folder
  local start pid ms rss
  start=$(date +%s%N)
  (cd "$work" && exec dotnet "$2" --urls http://127.0.0.1:5399 --Marketplace:DataFolder "$3" > "$work/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null http://127.0.0.1:5399/health/ready; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep "$idle"
  # The subshell execs dotnet, so $pid is the server itself.
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$1: ready after ${ms} ms, idle RSS ${rss} MB"
}

for build in "build:$PWD/src/Host/bin/Release/net10.0/Marketplace.Host.dll" "publish-r2r:$work/publish/Marketplace.Host.dll"; do
  name="${build%%:*}"; dll="${build#*:}"
  for i in $(seq 1 "$runs"); do
    measure "$name, fresh data folder #$i" "$dll" "$work/$name-data-$i"
  done
  measure "$name, existing data folder" "$dll" "$work/$name-data-1"
done
