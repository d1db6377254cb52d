#!/usr/bin/env bash
# Writes deploy/secrets/ for compose.yaml: database and broker passwords, the connection settings that carry them,
# and Identity's signing and encryption certificates (self-signed PKCS#12, each with its own password). Files are
# 600 and ignored by git; an existing folder is left as it is (delete it to make new secrets).
#   deploy/make-secrets.sh [FOLDER]        FOLDER: elsewhere than deploy/secrets (deploy/kube-play-test.sh)
#   POSTGRES_SETTING / RABBITMQ_SETTING: other connection settings (deploy/compose.local.yaml uses the host's servers)
set -euo pipefail
dir="${1:-$(dirname "$0")/secrets}"
[ -d "$dir" ] && { echo "$dir exists; keeping it"; exit 0; }
mkdir -m 700 "$dir"
umask 077
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }
pg=$(secret); rmq=$(secret)
printf '%s' "$pg" > "$dir/postgres-password"
printf '%s' "$rmq" > "$dir/rabbitmq-password"
printf '%s' "${POSTGRES_SETTING:-Host=postgres;Port=5432;Username=marketplace;Password=$pg}" > "$dir/Marketplace__Database__Postgres"
printf '%s' "${RABBITMQ_SETTING:-amqp://marketplace:$rmq@rabbitmq:5672/}" > "$dir/Marketplace__Bus__RabbitMqUri"
for use in signing encryption; do
  password=$(secret)
  openssl req -x509 -newkey rsa:2048 -nodes -days 730 -subj "/CN=marketplace $use" \
    -keyout "$dir/$use.key" -out "$dir/$use.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$dir/$use.key" -in "$dir/$use.crt" -out "$dir/$use.pfx" -passout "pass:$password"
  rm "$dir/$use.key" "$dir/$use.crt"
  name=$([ "$use" = signing ] && echo Signing || echo Encryption)
  printf '%s' "$password" > "$dir/Marketplace__Identity__${name}Certificate__Password"
done
# The processes run as uid 1654 and read these through the secrets mount.
chmod 644 "$dir"/*
echo "secrets in $dir"
