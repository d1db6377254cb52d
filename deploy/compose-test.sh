#!/usr/bin/env bash
# Builds the image, starts the compose project and runs the thin story through its published gateway port, then
# removes the project and its volumes. Here no registry is reachable: the base comes from deploy/base-image.sh and
# PostgreSQL and RabbitMQ from deploy/local/ (compose.local.yaml); podman's setup is deploy/podman-setup.sh. Run as root.
#   deploy/compose-test.sh          prints each step and "compose story passed" at the end
set -euo pipefail
cd "$(dirname "$0")"
source ./podman-setup.sh
project="marketplace-test-$$"
port=$((18000 + RANDOM % 1000))
compose() { MARKETPLACE_PORT=$port MARKETPLACE_PUBLIC_URL=http://localhost:$port podman-compose -p "$project" -f compose.yaml -f compose.local.yaml "$@"; }
finish() {
  compose logs > "$work/compose.log" 2>&1 || true
  compose down -v > /dev/null 2>&1 || true
  echo "[compose-test] logs of the project: $work/compose.log"
}
trap finish EXIT

for service in postgres rabbitmq; do
  tag=$([ $service = postgres ] && echo 15 || echo 3.10)
  podman build --network host -q --build-arg "BASE=$base" -t "localhost/marketplace-$service:$tag" -f "local/$service.Containerfile" local >/dev/null
done
./make-secrets.sh
compose up -d > "$work/up.log" 2>&1
deadline=$((SECONDS + 180))
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  [ $SECONDS -lt $deadline ] || { echo "[compose-test] the gateway was not ready in 180 s" >&2; exit 1; }
  sleep 2
done
# The gateway answers before the services behind it: the story's first steps retry until they do.
./thin-story.sh "http://127.0.0.1:$port"
echo "[compose-test] compose story passed"
