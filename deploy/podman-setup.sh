# Sourced by deploy/compose-test.sh and deploy/kube-play-test.sh (from deploy/): installs podman and what the tests
# use, makes $work (a scratch folder) with a CONTAINERS_CONF that podman on these machines needs (runc, no default
# ulimits: ../shared facts, SERVICES.md), and builds the marketplace image from this checkout on the base that
# deploy/base-image.sh makes (no registry is reachable here). Sets work and base.
command -v podman-compose >/dev/null && command -v jq >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap podman-compose jq >/dev/null; }
work="$(mktemp -d /tmp/marketplace-podman-XXXXXX)"
printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\n' > "$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"
base=localhost/marketplace-base:bookworm
podman image exists "$base" || ./base-image.sh "$base"
BASE="$base" ./build-image.sh
