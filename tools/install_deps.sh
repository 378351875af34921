#!/usr/bin/env bash
# install_deps.sh: installs every Debian 12 package that vigil's build, tests, demo and
# benchmarks need. Idempotent: when everything is present it exits at once without apt.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  default-jre-headless antlr4 libantlr4-runtime-dev
  nlohmann-json3-dev libsimdjson-dev libvectorscan-dev libre2-dev
  libpsl-dev publicsuffix libicu-dev liburiparser-dev
  libcli11-dev libfmt-dev zlib1g-dev libxxhash-dev libabsl-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format clang-tidy
  python3 python3-jsonschema
  chromium  # the catalog page's headless-browser test (tests/catalog)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install_deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
