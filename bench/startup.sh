#!/usr/bin/env bash
# All-in-one start-up and idle memory: starts the built Release binary RUNS times on a fresh data
# folder (first run: databases created) and once more on the same folder, measures the time from
# process start to /health/ready answering 200, then lets it idle and reads its resident memory.
#   bench/startup.sh [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
idle="${2:-15}"
dotnet build src/Host -c Release -nologo -v q >/dev/null
dll="$PWD/src/Host/bin/Release/net10.0/Marketplace.Host.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label, data folder
  local start pid ms rss
  start=$(date +%s%N)
  (cd "$work" && exec dotnet "$dll" --urls http://127.0.0.1:5399 --Marketplace:DataFolder "$2" > "$work/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null http://127.0.0.1:5399/health/ready; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep "$idle"
  # The subshell execs dotnet, so $pid is the server itself.
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$1: ready after ${ms} ms, idle RSS ${rss} MB"
}

for i in $(seq 1 "$runs"); do
  measure "fresh data folder #$i" "$work/data-$i"
done
measure "existing data folder" "$work/data-1"
