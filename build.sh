#!/usr/bin/env bash
# Bootstrap: make sure the build's system tools exist, restore Cake (pinned in .config/dotnet-tools.json),
# then run the Cake script in build/ with every argument passed through, e.g. ./build.sh --target=Test
set -euo pipefail
cd "$(dirname "$0")"

# TorchSharp needs a native patch on Linux systems older than GCC 13's libstdc++ (see build/native/);
# the patch needs g++ and patchelf. As root, install them; otherwise the build names what is missing.
if [ "$(uname -s)" = Linux ] && ! grep -qa GLIBCXX_3.4.32 "$(/sbin/ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')" 2>/dev/null; then
    missing=$(for tool in g++ patchelf; do command -v "$tool" >/dev/null || echo "$tool"; done)
    if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "build.sh: installing $(echo $missing) with apt-get (needed to make TorchSharp load on this system)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    fi
fi

dotnet tool restore >/dev/null
# --help: the project's own targets and options (Cake's --help would describe only Cake).
for arg in "$@"; do
    case "$arg" in -h|--help|-\?) exec dotnet cake build/build.cake --target=Help --verbosity=quiet ;; esac
done
exec dotnet cake build/build.cake "$@"
