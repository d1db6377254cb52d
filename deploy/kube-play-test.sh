#!/usr/bin/env bash
# Runs the rendered dev overlay's Deployments with `podman kube play` against this machine's PostgreSQL and RabbitMQ
# (scripts/services.sh, private ports) and the thin story through the gateway's pod, then removes the pods. What
# podman 4.3 cannot take from the rendered YAML (Services, Secret volumes, "$(VAR)" in env, the operators'
# resources) is rewritten by tests/checkers/kube-play.mjs, which says what and why; the rest is played as rendered:
# the image, arguments, ConfigMap, secretKeyRef entries, security context, resources and volumes. Run as root.
#   deploy/kube-play-test.sh        prints each step and "kube play story passed" at the end
set -euo pipefail
cd "$(dirname "$0")"
source ./podman-setup.sh
root="$(cd .. && pwd)"
# PostgreSQL (user postgres) keeps its data below it and the pods (uid 1654) read their secret folders from it.
chmod 755 "$work"
log() { echo "[kube-play-test] $*" >&2; }

# The test's PostgreSQL and RabbitMQ, as the suite starts them (trust authentication; RabbitMQ's guest on loopback).
export MARKETPLACE_PG_PORT=$((16000 + RANDOM % 1000)) MARKETPLACE_RABBITMQ_PORT=$((17000 + RANDOM % 1000))
export MARKETPLACE_SERVICES_DIR="$work/services" MARKETPLACE_SERVICES_FAST=1
base_port=$((19000 + RANDOM % 900))
play="$work/play.yaml"
finish() {
  for pod in $(podman pod ps -q --filter "label=app.kubernetes.io/component" 2>/dev/null); do
    podman pod logs "$pod" > "$work/$(podman pod inspect "$pod" -f '{{.Name}}').log" 2>&1 || true
  done
  [ -f "$play" ] && podman kube down "$play" > /dev/null 2>&1 || true
  for secret in marketplace-db-app marketplace-mq-default-user; do podman secret rm "$secret" > /dev/null 2>&1 || true; done
  "$root/scripts/services.sh" stop > /dev/null 2>&1 || true
  log "pod logs: $work/*.log"
}
trap finish EXIT
"$root/scripts/services.sh" start

# The secrets the operators would make (podman 4.3 reads a secretKeyRef from a JSON object of base64 values) and
# the one you make (marketplace-signing, here a folder per secret with a file per key).
b64() { printf '%s' "$1" | base64 -w0; }
for secret in marketplace-db-app:postgres:postgres marketplace-mq-default-user:guest:guest; do
  IFS=: read -r name username password <<< "$secret"
  podman secret rm "$name" > /dev/null 2>&1 || true
  printf '{"username":"%s","password":"%s"}' "$(b64 "$username")" "$(b64 "$password")" | podman secret create "$name" - > /dev/null
done
./make-secrets.sh "$work/generated" > /dev/null
signing="$work/secrets/marketplace-signing"
mkdir -p "$signing"
cp "$work/generated/signing.pfx" "$work/generated/encryption.pfx" "$signing/"
cp "$work/generated/Marketplace__Identity__SigningCertificate__Password" "$signing/signing-password"
cp "$work/generated/Marketplace__Identity__EncryptionCertificate__Password" "$signing/encryption-password"

cat > "$work/plan.json" <<JSON
{ "ports": { "identity": $base_port, "catalog": $((base_port + 1)), "contracts": $((base_port + 2)),
             "pricing": $((base_port + 3)), "web": $((base_port + 4)), "gateway": $((base_port + 5)) },
  "postgres": { "host": "127.0.0.1", "port": $MARKETPLACE_PG_PORT, "username": "postgres", "password": "postgres" },
  "rabbitmq": { "host": "127.0.0.1", "port": $MARKETPLACE_RABBITMQ_PORT, "username": "guest", "password": "guest" },
  "image": "localhost/marketplace:latest", "secrets": "$work/secrets", "volumes": "$work/volumes" }
JSON
[ -d "$root/tests/checkers/node_modules" ] || npm ci --prefix "$root/tests/checkers" --silent
kubectl kustomize "$root/deploy/k8s/overlays/dev" | node "$root/tests/checkers/kube-play.mjs" "$work/plan.json" > "$play"
log "playing $(grep -c '^kind: Deployment' "$play") Deployments ($play)"
podman kube play "$play" > "$work/play.log"

gateway="http://127.0.0.1:$((base_port + 5))"
deadline=$((SECONDS + 180))
until curl -sf "$gateway/health/ready" > /dev/null; do
  [ $SECONDS -lt $deadline ] || { log "the gateway was not ready in 180 s"; podman ps -a; exit 1; }
  sleep 2
done
# The security context was played, not dropped: every container runs as uid 1654 on a read-only root.
for container in $(podman ps --format '{{.Names}}' | grep -v infra | sort); do
  context=$(podman inspect "$container" -f '{{.Config.User}} read-only={{.HostConfig.ReadonlyRootfs}}')
  log "$container: $context"
  [[ "$context" == 1654*" read-only=true" ]] || { log "$container does not run as the Deployment says"; exit 1; }
done
./thin-story.sh "$gateway"
echo "[kube-play-test] kube play story passed"
