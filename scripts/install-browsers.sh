#!/usr/bin/env bash
# Test browsers from Debian (Playwright and Puppeteer cannot download their own
# here): chromium for Playwright, firefox-esr for Puppeteer's WebDriver BiDi.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ]; then exit 0; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium firefox-esr >/dev/null
/usr/bin/chromium --version
/usr/bin/firefox-esr --version
