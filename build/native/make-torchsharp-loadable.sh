#!/usr/bin/env bash
# make-torchsharp-loadable.sh SOURCE_LIBRARY WORK_DIR
#
# TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and needs GLIBCXX_3.4.32 for
# one symbol, std::ios_base_library_init(). Older systems (Debian 12, Ubuntu 22.04) ship GLIBCXX_3.4.30, so
# the library refuses to load. When (and only when) the system libstdc++ lacks that version, this script
# writes a patched copy to WORK_DIR/native/ (never touching the NuGet cache), which the build then copies
# to its output instead of the original:
#   1. the GLIBCXX_3.4.32 version need is marked weak, so the loader accepts the library;
#   2. the symbol's version is cleared, so any definition satisfies it;
#   3. a tiny library defining the symbol is built with the system g++, placed beside it and added as NEEDED
#      (the library's RUNPATH starts with $ORIGIN, so the loader finds it there).
# Prints the folder holding the patched library and its helper, or nothing when no patch is needed (newer
# systems). Reuses an earlier patched copy of the same source. Called by Directory.Build.targets.
set -euo pipefail

source=$1
work_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
native_dir="$work_dir/native"
target="$native_dir/libLibTorchSharp.so"
shim_name=libstreetcar_glibcxx_compat.so
symbol=_ZSt21ios_base_library_initv
version=GLIBCXX_3.4.32

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] || exit 0
[ -f "$source" ] || exit 0

system_libstdcxx=$( (/sbin/ldconfig -p 2>/dev/null || ldconfig -p) | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
if [ -n "$system_libstdcxx" ] && grep -qa "$version" "$system_libstdcxx"; then
    exit 0 # the system library is new enough: nothing to do
fi

missing=()
command -v g++ >/dev/null || missing+=(g++)
command -v gcc >/dev/null || missing+=(gcc)
command -v patchelf >/dev/null || missing+=(patchelf)
if [ ${#missing[@]} -gt 0 ]; then
    echo "error TORCHSHARP001: TorchSharp needs $version, which this system's libstdc++ lacks; making it loadable needs: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]} (./build.sh does this itself when run as root)." >&2
    exit 1
fi

if [ -f "$target" ] && [ -f "$native_dir/$shim_name" ] && [ "$target" -nt "$source" ]; then
    echo "$native_dir" # patched before, from this source
    exit 0
fi

mkdir -p "$work_dir" "$native_dir"
[ -f "$work_dir/$shim_name" ] || g++ -shared -fPIC -O2 -o "$work_dir/$shim_name" "$here/ios_base_library_init.cpp"
[ -x "$work_dir/mark_version_need_weak" ] || gcc -O2 -o "$work_dir/mark_version_need_weak" "$here/mark_version_need_weak.c"

# Patch a temporary copy and move it into place, so an interrupted build never leaves a half-patched library.
tmp="$target.patching"
cp "$source" "$tmp"
"$work_dir/mark_version_need_weak" "$tmp" "$version"
patchelf --clear-symbol-version "$symbol" "$tmp"
patchelf --add-needed "$shim_name" "$tmp"
cp "$work_dir/$shim_name" "$native_dir/$shim_name"
mv -f "$tmp" "$target"
echo "$native_dir"
