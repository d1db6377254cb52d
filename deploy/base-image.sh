#!/usr/bin/env bash
# Makes localhost/marketplace-base:bookworm, the equivalent of Microsoft's runtime-deps image, from Debian's
# packages, for machines that reach a Debian mirror but no container registry: debootstrap (minbase) with what a
# self-contained .NET app needs (ICU, OpenSSL, CA certificates, time zones, and the GSSAPI library Npgsql looks for), the non-root user "app" (uid 1654),
# then podman import. About a minute; run as root.
set -euo pipefail
image="${1:-localhost/marketplace-base:bookworm}"
mirror="${DEBIAN_MIRROR:-$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)}"
if [ -z "$mirror" ]; then
  mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
fi
mirror="${mirror:-http://deb.debian.org/debian}"

for tool in debootstrap podman; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap podman runc >/dev/null; }
done

rootfs="$(mktemp -d /tmp/marketplace-rootfs-XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,libgssapi-krb5-2 bookworm "$rootfs" "$mirror" >/dev/null
chroot "$rootfs" groupadd --gid 1654 app
chroot "$rootfs" useradd --uid 1654 --gid 1654 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
# What an image needs no more of: package caches and documentation.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
tar -C "$rootfs" -c . | podman import -q --change 'CMD ["bash"]' - "$image" >/dev/null
echo "$image"
