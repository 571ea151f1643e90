#!/bin/sh
# Add Kartoteka to the desktop's application menu (for the current user).
# Usage: install-desktop.sh COMMAND...   e.g. install-desktop.sh /opt/kartoteka/kartoteka
set -eu
if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]  (the command that starts Kartoteka)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
icon="$here/../icons/kartoteka.png"
[ -f "$icon" ] || icon="$here/kartoteka.png"
cp "$icon" "$icons/kartoteka.png"
exec_line=""
for part in "$@"; do
    case "$part" in
        *[\ \"\\]*) part="\"$(printf '%s' "$part" | sed 's/[\\"]/\\&/g')\"" ;;
    esac
    exec_line="${exec_line:+$exec_line }$part"
done
escaped=$(printf '%s' "$exec_line" | sed 's/[&|\\]/\\&/g')
sed "s|@EXEC@|$escaped|" "$here/kartoteka.desktop.in" > "$apps/kartoteka.desktop.tmp"
mv "$apps/kartoteka.desktop.tmp" "$apps/kartoteka.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" || true
fi
echo "Kartoteka added to the application menu: $apps/kartoteka.desktop"
