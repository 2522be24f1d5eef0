#!/usr/bin/env bash
# Installs everything Boletín needs on a Debian machine that has only Node and npm:
# Debian's Chromium and fonts (for PDFs), poppler-utils and LibreOffice Writer (read the output in tests),
# then the npm dependencies, which bring the Node 24 runtime the project runs on.
# Nothing is downloaded from outside Debian's packages and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-liberation2 fonts-dejavu-core fonts-noto-color-emoji poppler-utils libreoffice-writer-nogui)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Instalando paquetes de Debian: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Puppeteer never downloads a browser here: the project uses puppeteer-core and Debian's Chromium.
export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
