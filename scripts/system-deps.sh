#!/usr/bin/env bash
# Debian packages the test suite needs: chromium (browser tests), postgresql
# (the PostgreSQL tier), ffmpeg (real clips for ingest tests, ffprobe), nginx-light (media offload
# tests), Ceph RGW (the S3 tier), fonts-dejavu-core (PDFs), zip (a court package zipped again as a
# recipient would, without UTF-8 name flags), poppler-utils (pdftotext for downloaded PDFs), npm (fetches Node.js 24 when the machine's node is older:
# scripts/use-node.sh). Installs what is missing when run as root (CI, dev VMs); otherwise says what
# to install. Another install running (apt, unattended-upgrades) is waited for, up to 10 minutes.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
# Ceph (the S3 tier: one monitor, one memstore OSD and radosgw, started by scripts/with-ceph.mjs)
command -v ceph-mon >/dev/null 2>&1 || need+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1 || need+=(ceph-osd)
command -v radosgw >/dev/null 2>&1 || need+=(radosgw)
command -v ceph >/dev/null 2>&1 || need+=(ceph-common)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v zip >/dev/null 2>&1 || need+=(zip)
# pdftotext: browser tests read the PDFs they download as a reader's tool extracts them.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${need[*]} — run: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# Wait for the dpkg/apt lock instead of failing when another install holds it.
apt_get() { apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 "$@"; }
for try in 1 2 3 4 5 6; do apt_get update -qq && break || { [ "$try" -lt 6 ] && sleep 20; }; done
apt_get install -y -qq --no-install-recommends "${need[@]}"
