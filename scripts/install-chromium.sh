#!/usr/bin/env bash
# Installs Debian's Chromium at /usr/bin/chromium, which the report page's browser test
# (src/golden/report-page.browser.test.ts) drives through playwright-core. npm test does not
# need it: without it that test is skipped with a printed reason. Run as root (or with sudo).
set -euo pipefail
apt-get update
apt-get install -y chromium
/usr/bin/chromium --version
