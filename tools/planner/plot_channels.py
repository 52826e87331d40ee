#!/usr/bin/env python3
"""Plots a few channels of a performance (curve JSON from `./cue curves --format json`) with the shot's cues
as an SVG, for looking at what the planner did. Standard library only.

    ./cue curves assets/samples/hello --format json --out /tmp/hello.json
    tools/planner/plot_channels.py /tmp/hello.json assets/samples/hello/project.json hello out.svg [CHARACTER]
    rsvg-convert out.svg -o out.png
"""
import json
import sys

PANELS = [
    ("emotion (blendshapes 0..1)", [("mouthSmileLeft", "#d9822b"), ("browInnerUp", "#2b6fd9"),
                                    ("browDownLeft", "#b03030"), ("mouthFrownLeft", "#6a3fb0")], (0, 1)),
    ("blinks", [("eyeBlinkLeft", "#333333")], (0, 1)),
    ("gaze and head (degrees)", [("eyeYaw", "#2b9d6f"), ("headYaw", "#2b6fd9"), ("headPitch", "#d9822b")], None),
    ("arms (degrees)", [("leftShoulder", "#b03030"), ("rightShoulder", "#6a3fb0"), ("leftElbow", "#d99a9a")], None),
    ("mouth", [("jawOpen", "#333333")], (0, 1)),
    ("breath", [("breath", "#2b9d6f")], (0, 1)),
]
LANE_COLOURS = {"emotion": "#f4c28a", "gesture": "#9ec5f0", "gaze": "#a8dcc3", "timing": "#d7c4f0"}
SHAPES = "ABCDEFGHX"


def main(curves_path, project_path, shot_id, out_path, character=None):
    d = json.load(open(curves_path))
    fps = d["fps"] if isinstance(d["fps"], (int, float)) else 25
    n = d["frameCount"]
    c = d["curves"]
    shot = next(s for s in json.load(open(project_path))["shots"] if s["id"] == shot_id)
    if character and character != shot["character"]:
        shot = next(p for p in shot["partners"] if p["character"] == character)
    W, left, right = 1400, 170, 20
    pw = W - left - right
    lane_h, panel_h, gap = 16, 90, 26
    top = 40 + 4 * lane_h + 10
    H = top + len(PANELS) * (panel_h + gap) + 30
    x = lambda f: left + pw * f / max(1, n - 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="15">Planner {d["source"].get("planner", "?")}: shot '
           f'"{shot_id}"{" (" + character + ")" if character else ""}, {n} frames at {fps} fps, seed {d["source"].get("seed", "?")}</text>']
    for i, lane in enumerate(["emotion", "gesture", "gaze", "timing"]):
        y = 40 + i * lane_h
        out.append(f'<text x="{left - 8}" y="{y + 12}" text-anchor="end">{lane}</text>')
        for cue in shot["tracks"].get(lane, []):
            s = cue["start"] / 705600000 * fps
            e = s + cue["duration"] / 705600000 * fps
            label = cue.get("emotion") or cue.get("gesture") or cue.get("target") or cue.get("kind") or ""
            out.append(f'<rect x="{x(s):.1f}" y="{y}" width="{max(1, x(e) - x(s)):.1f}" height="{lane_h - 2}" '
                       f'fill="{LANE_COLOURS[lane]}" stroke="#888" stroke-width="0.5"/>')
            out.append(f'<text x="{x(s) + 3:.1f}" y="{y + 11}" font-size="10">{label}</text>')
    for p, (title, series, rng) in enumerate(PANELS):
        y0 = top + p * (panel_h + gap)
        values = [v for name, _ in series for v in c[name]]
        lo, hi = rng if rng else (min(values), max(values))
        if hi - lo < 1e-6:
            hi = lo + 1
        yv = lambda v: y0 + panel_h - (v - lo) / (hi - lo) * panel_h
        out.append(f'<rect x="{left}" y="{y0}" width="{pw}" height="{panel_h}" fill="#fafafa" stroke="#ccc"/>')
        out.append(f'<text x="{left - 8}" y="{y0 + 14}" text-anchor="end" font-weight="bold">{title}</text>')
        out.append(f'<text x="{left - 8}" y="{y0 + panel_h}" text-anchor="end" fill="#888">{lo:.3g}..{hi:.3g}</text>')
        for k, (name, colour) in enumerate(series):
            pts = " ".join(f"{x(f):.1f},{yv(v):.1f}" for f, v in enumerate(c[name]))
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="1.3"/>')
            out.append(f'<text x="{left - 8}" y="{y0 + 30 + 13 * k}" text-anchor="end" fill="{colour}">{name}</text>')
        if title == "mouth":
            prev = None
            for f, v in enumerate(c["mouthShape"]):
                s = SHAPES[int(v)] if 0 <= int(v) < len(SHAPES) else "?"
                if s != prev and s != "X":
                    out.append(f'<text x="{x(f):.1f}" y="{y0 + 11}" font-size="9" fill="#b03030">{s}</text>')
                prev = s
    for sec in range(0, int(n / fps) + 1):
        xs = x(sec * fps)
        out.append(f'<line x1="{xs:.1f}" y1="{top - 4}" x2="{xs:.1f}" y2="{H - 24}" stroke="#000" stroke-opacity="0.07"/>')
        out.append(f'<text x="{xs:.1f}" y="{H - 10}" text-anchor="middle" fill="#666">{sec}s</text>')
    out.append("</svg>")
    open(out_path, "w").write("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:6])
