#!/usr/bin/env bash
# Build the Linux one-folder app in its own venv and check that it starts:
#   packaging/build_linux.sh        -> dist/checkin/checkin
# Prints the build time and the folder size. CHECKIN_BUILD_VENV picks the venv folder.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
VENV="${CHECKIN_BUILD_VENV:-build/venv-pyinstaller}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q . -r packaging/requirements-build.txt
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/checkin.spec
echo "build: $(( $(date +%s) - start )) s, $(du -sh dist/checkin | cut -f1) in dist/checkin"

# Does it start? The version, then the GUI on the demo event without a screen.
dist/checkin/checkin --version
smoke_home="$(mktemp -d)"
QT_QPA_PLATFORM=offscreen CHECKIN_DATA_DIR="$smoke_home/data" XDG_CONFIG_HOME="$smoke_home/config" \
  dist/checkin/checkin gui --demo --smoke-test
rm -rf "$smoke_home"
