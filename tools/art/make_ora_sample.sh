#!/usr/bin/env bash
# Regenerates the OpenRaster sample sheet assets/samples/sheets/otto-ora from the SVG sample Otto, with the
# project's own rasteriser (org.cuestudio.inference.sheet.OraWriter): every layer of the SVG sheet becomes a PNG
# layer of the .ora at 1 pixel per canvas unit (1000 x 1200), pivots become hidden `pivot` layers. The output is
# byte-for-byte reproducible. Needs a built distribution (./mvnw -o install, which fills packaging/target/cue/lib).
#
#   tools/art/make_ora_sample.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-1}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for c in "$java" /usr/lib/jvm/temurin-2*/bin/java /usr/lib/jvm/*-2[1-9]*/bin/java; do
  if [ -x "$(command -v "$c" || true)" ] && "$c" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java="$c"; break; fi
done
cp="packaging/target/cue/lib/*"
[ -d inference/target/classes ] && cp="inference/target/classes:$cp"
"$java" -Djava.awt.headless=true -cp "$cp" org.cuestudio.inference.sheet.OraWriter \
  assets/samples/hello/characters/otto assets/samples/sheets/otto-ora "$scale"
