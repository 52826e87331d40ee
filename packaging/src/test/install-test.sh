#!/usr/bin/env bash
# Install test of the Cue Studio .deb, without root privileges and without a network:
#   1. unpacks the package into a scratch root (dpkg-deb -x, as dpkg would lay it out under /),
#   2. checks the package metadata and the installed files (launchers, desktop entry, icon, runtime with JavaFX,
#      the pinned PyTorch CPU natives, the sample project),
#   3. runs the installed bin/cue, with an empty home folder (so the natives must come from the installed files),
#      a bare environment and, where the kernel allows it, no network at all (unshare -n):
#      cue --version, cue doctor, cue validate and a headless render of the sample project to PNG and MP4.
# Run by `./mvnw -Pinstaller -pl packaging -am verify` (and so by .ci/run); by hand:
#   bash packaging/src/test/install-test.sh packaging/target/installer/cue-studio_0.1.0_amd64.deb
set -euo pipefail

deb="${1:?usage: install-test.sh PACKAGE.deb}"
[ -f "$deb" ] || { echo "install-test: no package at $deb" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "install-test: needs dpkg-deb (Debian/Ubuntu: apt-get install dpkg)" >&2; exit 1; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/cue-install-test.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
home="$scratch/home"
work="$scratch/work"
mkdir -p "$root" "$home" "$work"
failures=0
passed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts and reports the result
  local what="$1"; shift
  if "$@" >"$scratch/out" 2>&1; then
    passed=$((passed + 1)); echo "  ok    $what"
  else
    failures=$((failures + 1)); echo "  FAIL  $what"; sed 's/^/        /' "$scratch/out" | tail -20
  fi
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "install-test: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
t0="$(now)"
dpkg-deb -x "$deb" "$root"
echo "  unpacked into a scratch root in $(since "$t0") s ($(du -sh "$root" | cut -f1))"

app="$root/opt/cue-studio"
field() { dpkg-deb -f "$deb" "$1"; }
check "package is named cue-studio" test "$(field Package)" = cue-studio
check "package declares its dependencies" test -n "$(field Depends)"
check "studio launcher bin/cue-studio" test -x "$app/bin/cue-studio"
check "command-line launcher bin/cue" test -x "$app/bin/cue"
check "desktop entry runs the studio launcher" grep -q "^Exec=/opt/cue-studio/bin/cue-studio" "$app/lib/cue-studio-cue-studio.desktop"
check "desktop entry has the icon" test -s "$app/lib/cue-studio.png"
postinst_ok() { dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q 'update-alternatives --install /usr/bin/cue'; }
check "postinst puts cue on the PATH" postinst_ok
scripts_ok() {
  mkdir -p "$scratch/control" && dpkg-deb -e "$deb" "$scratch/control" &&
    for f in preinst postinst prerm postrm; do sh -n "$scratch/control/$f" || return 1; done
}
check "maintainer scripts parse (sh -n)" scripts_ok
check "bundled runtime links JavaFX" grep -q "javafx.controls" "$app/lib/runtime/release"
check "PyTorch CPU natives bundled" compgen -G "$app/lib/app/lib/pytorch-native-cpu-*.jar"
check "FFmpeg natives bundled" compgen -G "$app/lib/app/lib/ffmpeg-*-gpl.jar"
check "launchers run DJL offline" grep -q -- "-Dai.djl.offline=true" "$app/lib/app/cue.cfg" "$app/lib/app/cue-studio.cfg"
check "sample project installed" test -f "$app/lib/assets/samples/hello/project.json"
check "sample project ships without a cache" test ! -e "$app/lib/assets/samples/hello/cache"
check "gesture library and lip-sync model installed" test -f "$app/lib/assets/gestures/library.json" -a -d "$app/lib/assets/models/lipsync"

# The installed program runs with a bare environment and an empty home; no network where unshare allows it.
isolate=()
if unshare -rn true 2>/dev/null; then
  isolate=(unshare -rn)
  echo "  running the installed cue with no network (unshare -rn)"
elif unshare -n true 2>/dev/null; then
  isolate=(unshare -n)
  echo "  running the installed cue with no network (unshare -n)"
else
  echo "  note: cannot drop the network here (no user namespaces); relying on -Dai.djl.offline=true"
fi
# Java takes the home folder from the password database, not from HOME: user.home points it (and so DJL's and
# JavaCPP's native caches) at the empty scratch home.
cue() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 TMPDIR="$work" OMP_WAIT_POLICY=PASSIVE \
  JAVA_TOOL_OPTIONS="-Duser.home=$home" "${isolate[@]}" "$app/bin/cue" "$@" 2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2); }

version_ok() { local v; v="$(cue --version)"; echo "$v"; [[ "$v" == "Cue Studio $(field Version)"* ]]; }
doctor_ok() {
  local s=0
  cue doctor >"$work/doctor.txt" || s=$?
  cat "$work/doctor.txt"
  [ "$s" -eq 0 ] && grep -q "native library   $home/.djl.ai/pytorch/.*-cpu-.* (cpu, the bundled pytorch-native-cpu" "$work/doctor.txt" &&
    grep -q 'downloads        off' "$work/doctor.txt" && [ "$(tail -1 "$work/doctor.txt")" = ok ]
}
png_ok() {
  cue render "$work/hello" --quality preview --format png --frames 0-10 --no-take --out "$work/png" &&
    [ "$(ls "$work/png" | grep -c '^frame_.*\.png$')" -eq 11 ] && [ -s "$work/png/audio.wav" ]
}
mp4_ok() {
  cue render "$work/hello" --quality preview --format mp4 --frames 0-10 --no-take --out "$work/hello.mp4" &&
    [ -s "$work/hello.mp4" ]
}

check "cue --version names the release" version_ok
t1="$(now)"
check "cue doctor: CPU PyTorch from the bundled natives, ok" doctor_ok
echo "  (first start, natives unpacked into the empty home: $(since "$t1") s)"
# The installed sample is read-only for users; renders go to a user's copy, as the studio does.
cp -r "$app/lib/assets/samples/hello" "$work/hello"
check "cue validate on the installed sample" cue validate "$work/hello"
t2="$(now)"
check "headless render of the sample, frames 0-10 to PNG" png_ok
check "headless render of the sample, frames 0-10 to MP4 (H.264)" mp4_ok
echo "  (renders: $(since "$t2") s)"

echo "install-test: $passed passed, $failures failed in $(since "$t0") s"
[ "$failures" -eq 0 ]
