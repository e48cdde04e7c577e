#!/usr/bin/env bash
# Debian packages the tests and benchmarks need: every name listed in scripts/deps/*.txt
# (python-*.txt there list Python packages, merged into pyproject.toml; they are skipped here).
# Installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"
mapfile -t pkgs < <(ls deps/*.txt | grep -v '/python-' | xargs cat | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
