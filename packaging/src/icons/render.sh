#!/usr/bin/env bash
# Renders the committed icon files from cue-studio.svg (run after editing the SVG; the build only copies them).
# Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert for the Windows .ico.
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert -w 256 -h 256 cue-studio.svg -o cue-studio.png
convert cue-studio.png -define icon:auto-resize=256,64,48,32,16 cue-studio.ico
t="$(mktemp -d)"; trap 'rm -rf "$t"' EXIT
rsvg-convert -w 128 -h 128 cue-studio.svg -o "$t/128.png"
rsvg-convert -w 512 -h 512 cue-studio.svg -o "$t/512.png"
# macOS .icns: PNG entries ic07 (128), ic08 (256), ic09 (512).
python3 - "$t" <<'PY'
import struct, sys
t = sys.argv[1]
entries = [(b'ic07', t + '/128.png'), (b'ic08', 'cue-studio.png'), (b'ic09', t + '/512.png')]
body = b''
for tag, path in entries:
    data = open(path, 'rb').read()
    body += tag + struct.pack('>I', 8 + len(data)) + data
open('cue-studio.icns', 'wb').write(b'icns' + struct.pack('>I', 8 + len(body)) + body)
PY
