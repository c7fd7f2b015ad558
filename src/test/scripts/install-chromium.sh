#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for BrowserIT when they are missing: a fresh machine (and CI) has
# neither. As root it uses apt-get directly, otherwise sudo without a password prompt.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
sudo=()
if [ "$(id -u)" != 0 ]; then
  sudo=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
# Wait (up to 10 min) for another install holding the package manager's lock instead of failing at once.
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q chromium chromium-driver
