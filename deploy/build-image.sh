#!/usr/bin/env bash
# Builds the marketplace image (default localhost/marketplace:latest) from this checkout: the ReadyToRun,
# self-contained publish of src/Host into deploy/out/app, then podman build with deploy/Containerfile.
#   BASE=localhost/marketplace-base:bookworm deploy/build-image.sh    on a base made by deploy/base-image.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image="${MARKETPLACE_IMAGE:-localhost/marketplace:latest}"
rm -rf deploy/out
dotnet publish src/Host -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o deploy/out/app -nologo -v q
build_args=()
[ -n "${BASE:-}" ] && build_args+=(--build-arg "BASE=$BASE")
podman build --format docker "${build_args[@]}" -t "$image" -f deploy/Containerfile deploy/out
echo "$image"
