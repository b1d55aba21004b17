#!/usr/bin/env bash
# Install the built one-folder app (dist/checkin) with its desktop integration:
#   packaging/linux/install.sh [PREFIX]      (default ~/.local; /usr/local needs root)
# Puts the app in PREFIX/lib/checkin, a `checkin` command in PREFIX/bin, and the
# .desktop file, AppStream metainfo, MIME type and icons where desktops look for them.
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX="${1:-$HOME/.local}"
ID=org.checkin.Checkin
[ -x dist/checkin/checkin ] || { echo "build first: packaging/build_linux.sh" >&2; exit 2; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo" \
  "$PREFIX/share/mime/packages"
rm -rf "$PREFIX/lib/checkin"
cp -a dist/checkin "$PREFIX/lib/checkin"
ln -sf "$PREFIX/lib/checkin/checkin" "$PREFIX/bin/checkin"
cp packaging/linux/$ID.desktop "$PREFIX/share/applications/"
cp packaging/linux/$ID.metainfo.xml "$PREFIX/share/metainfo/"
cp packaging/linux/$ID.mime.xml "$PREFIX/share/mime/packages/$ID.xml"
for png in resources/icons/checkin-*.png; do
  size="${png##*-}"; size="${size%.png}"
  mkdir -p "$PREFIX/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$PREFIX/share/icons/hicolor/${size}x${size}/apps/$ID.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
cp resources/icons/checkin.svg "$PREFIX/share/icons/hicolor/scalable/apps/$ID.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/share/mime" || true
echo "installed checkin in $PREFIX"
