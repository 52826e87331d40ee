#!/usr/bin/env python3
"""Paints Juno, Cue Studio's single-portrait sample character (CC0-1.0), and writes her landmarks.

An illustrated head-and-shoulders portrait with soft painted shading on a transparent background, painted
procedurally with numpy and Pillow (no input files): every shape is a smooth closed curve rasterised at 3x and
shaded with blurred masks, then the picture is reduced to 720 x 960. The rig landmarks written to character.json
are the same control points the shapes are drawn from, so they always fit the picture.

    /usr/bin/python3 tools/art/portrait.py assets/characters/juno

Deterministic: the same script gives the same PNG bytes (fixed seed, no timestamps in the file).
"""
import json
import math
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

W, H = 720, 960
SS = 3  # supersampling while painting

SKIN = (236, 190, 160)
SKIN_SH = (196, 138, 112)
SKIN_HI = (248, 214, 188)
LID = (214, 158, 136)
BLUSH = (230, 130, 120)
HAIR = (92, 46, 34)
HAIR_SH = (58, 28, 22)
HAIR_HI = (150, 82, 56)
BROW = (70, 36, 28)
LASH = (40, 22, 20)
SCLERA = (246, 242, 236)
IRIS = (70, 120, 96)
IRIS_DK = (36, 66, 52)
LIP_UP = (176, 86, 88)
LIP_LO = (198, 104, 102)
LIP_DARK = (110, 44, 48)
SWEATER = (58, 108, 128)
SWEATER_SH = (38, 76, 94)
SWEATER_HI = (84, 138, 156)


def catmull(points, closed=True, n=24):
    """Dense points along a Catmull-Rom curve through the points."""
    pts = [np.array(p, dtype=float) for p in points]
    m = len(pts)
    out = []
    rng = range(m) if closed else range(m - 1)
    for i in rng:
        p0 = pts[(i - 1) % m] if (closed or i > 0) else pts[i]
        p1 = pts[i]
        p2 = pts[(i + 1) % m]
        p3 = pts[(i + 2) % m] if (closed or i + 2 < m) else pts[(i + 1) % m]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            q = 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3)
            out.append((float(q[0]), float(q[1])))
    if not closed:
        out.append(tuple(map(float, pts[-1])))
    return out


def mask(draw_fn, blur=0.0):
    """A coverage mask (float H x W, 0..1) from a drawing function working in 1x coordinates."""
    img = Image.new("L", (W * SS, H * SS), 0)
    d = ImageDraw.Draw(img)
    draw_fn(d, lambda pts: [(x * SS, y * SS) for x, y in pts])
    if blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(blur * SS))
    return np.asarray(img.resize((W, H), Image.BOX), dtype=np.float32) / 255.0


def shape(points, closed=True, blur=0.0):
    return mask(lambda d, s: d.polygon(s(catmull(points, closed)), fill=255), blur)


def stroke(points, width, blur=0.0, taper=True):
    """A tapered stroke along an open curve."""
    line = catmull(points, closed=False, n=16)

    def draw(d, s):
        n = len(line)
        for i in range(n - 1):
            t = i / (n - 1)
            w = width * (math.sin(math.pi * t) ** 0.6 if taper else 1.0)
            w = max(w, 0.6)
            (x0, y0), (x1, y1) = line[i], line[i + 1]
            r = w / 2 * SS
            d.ellipse([x0 * SS - r, y0 * SS - r, x0 * SS + r, y0 * SS + r], fill=255)
            d.line([(x0 * SS, y0 * SS), (x1 * SS, y1 * SS)], fill=255, width=max(1, int(w * SS)))
    return mask(draw, blur)


def ellipse(cx, cy, rx, ry, blur=0.0):
    return mask(lambda d, s: d.ellipse([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS], fill=255), blur)


class Canvas:
    def __init__(self):
        self.rgb = np.zeros((H, W, 3), dtype=np.float32)
        self.a = np.zeros((H, W), dtype=np.float32)

    def paint(self, m, colour, alpha=1.0):
        """Paints a colour (an RGB triple or an H x W x 3 field) through a mask, "over" what is there."""
        c = np.asarray(colour, dtype=np.float32)
        k = np.clip(m * alpha, 0, 1)
        self.rgb = self.rgb * (1 - k[..., None]) + c * k[..., None]
        self.a = self.a * (1 - k) + k

    def shade(self, m, colour, alpha):
        """Tints what is already painted, keeping coverage (for shading inside a shape)."""
        c = np.asarray(colour, dtype=np.float32)
        k = np.clip(m * alpha, 0, 1)
        self.rgb = self.rgb * (1 - k[..., None]) + c * k[..., None]


def gradient(c0, c1, axis_from, axis_to):
    """A linear colour field from point axis_from (colour c0) to axis_to (colour c1)."""
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    (x0, y0), (x1, y1) = axis_from, axis_to
    dx, dy = x1 - x0, y1 - y0
    t = np.clip(((xx - x0) * dx + (yy - y0) * dy) / (dx * dx + dy * dy), 0, 1)
    c0 = np.asarray(c0, np.float32)
    c1 = np.asarray(c1, np.float32)
    return c0 * (1 - t[..., None]) + c1 * t[..., None]


# ---- the geometry (1x pixels); the landmarks come from here

CX = 360.0
FACE = [(360, 232), (440, 246), (492, 300), (506, 380), (503, 450), (488, 520), (458, 582), (414, 628), (360, 652),
        (306, 628), (262, 582), (232, 520), (217, 450), (214, 380), (228, 300), (280, 246)]


def eye_geometry(cx, cy, sign):
    """sign -1: the eye on the viewer's left (outer corner on the left); +1: the right one."""
    w = 74
    outer = (cx + sign * w * 0.52, cy + 1)
    inner = (cx - sign * w * 0.48, cy + 4)
    upper = [(cx + sign * w * 0.30, cy - 12), (cx + sign * w * 0.02, cy - 16), (cx - sign * w * 0.26, cy - 12)]
    lower = [(cx + sign * w * 0.28, cy + 10), (cx + sign * w * 0.0, cy + 13), (cx - sign * w * 0.26, cy + 11)]
    return outer, inner, upper, lower


EYES = {"left": eye_geometry(290, 440, -1), "right": eye_geometry(430, 440, 1)}
BROWS = {
    "left": [(244, 408), (262, 391), (290, 382), (318, 386), (334, 394)],
    "right": [(476, 408), (458, 391), (430, 382), (402, 386), (386, 394)],
}
NOSE = {"bridge": (360, 450), "tip": (360, 528), "left": (338, 530), "right": (382, 530)}
MOUTH_L, MOUTH_R = (316, 582), (404, 582)
UPPER_LIP = [(336, 570), (360, 569), (384, 570)]  # the outer top contour (cupid's bow drawn around the middle)
LIP_LINE = [(336, 585), (360, 587), (384, 585)]
LOWER_LIP = [(336, 597), (360, 603), (384, 597)]
NECK = {"left": (306, 752), "right": (414, 752)}


def outline_points():
    """The face outline from the viewer's left temple round the chin to the right temple, for the landmarks."""
    order = [(214, 380), (217, 450), (232, 520), (262, 582), (306, 628), (360, 652), (414, 628), (458, 582),
             (488, 520), (503, 450), (506, 380)]
    return order


def paint():
    cv = Canvas()
    rng = np.random.default_rng(7)

    # Hair behind the head: a bob falling to the jaw.
    back = [(360, 150), (470, 172), (545, 250), (566, 360), (560, 480), (548, 590), (520, 640), (470, 650),
            (430, 560), (290, 560), (250, 650), (200, 640), (172, 590), (160, 480), (154, 360), (175, 250), (250, 172)]
    hb = shape(back)
    cv.paint(hb, gradient(HAIR, HAIR_SH, (360, 160), (360, 660)))

    # Neck, with the shadow of the jaw on it.
    neck = [(304, 600), (416, 600), (420, 700), (436, 800), (284, 800), (300, 700)]
    nm = shape(neck)
    cv.paint(nm, gradient(SKIN_SH, SKIN, (360, 630), (360, 760)))
    cv.shade(nm * ellipse(360, 640, 90, 48, blur=14), SKIN_SH, 0.8)
    cv.shade(nm * shape([(404, 600), (420, 600), (432, 770), (410, 770)], blur=10), SKIN_SH, 0.5)

    # Sweater: shoulders and a round neckline.
    body = [(360, 788), (300, 770), (250, 752), (140, 776), (70, 830), (36, 910), (20, 990), (700, 990),
            (684, 910), (650, 830), (580, 776), (470, 752), (420, 770)]
    bm = shape(body)
    cv.paint(bm, gradient(SWEATER_HI, SWEATER_SH, (200, 760), (560, 960)))
    cv.shade(bm * shape([(300, 770), (360, 790), (420, 770), (440, 810), (360, 835), (280, 810)], blur=8),
             SWEATER_SH, 0.55)
    collar = stroke([(280, 762), (320, 784), (360, 790), (400, 784), (440, 762)], 16, taper=False)
    cv.paint(collar * bm, SWEATER_HI, 0.9)
    for x in range(90, 660, 22):  # knit ribs
        rib = stroke([(x, 860), (x + 4, 910), (x + 6, 960)], 3, blur=0.6, taper=False)
        cv.shade(rib * bm, SWEATER_SH, 0.25)

    # Face.
    fm = shape(FACE)
    cv.paint(fm, gradient(SKIN_HI, SKIN, (300, 330), (420, 600)))
    edge = np.clip(fm - shape(FACE, blur=26) * 1.0, 0, 1)
    inner_dark = 1 - shape(FACE, blur=30)
    cv.shade(fm * np.clip(inner_dark * 1.6, 0, 1), SKIN_SH, 0.55)
    cv.shade(fm * shape([(470, 300), (506, 380), (503, 450), (488, 520), (458, 582), (430, 600), (470, 450)],
                        blur=18), SKIN_SH, 0.35)  # the side away from the light
    del edge
    for sx in (282, 438):  # cheeks
        cv.shade(fm * ellipse(sx, 530, 40, 26, blur=16), BLUSH, 0.35)
    cv.shade(fm * ellipse(360, 652, 70, 22, blur=10), SKIN_SH, 0.25)  # under the chin

    # Eye sockets and lids: a soft warm shadow between brow and lash line.
    for side, (outer, inner, upper, lower) in EYES.items():
        lid = shape([outer, (upper[0][0], upper[0][1] - 18), (upper[1][0], upper[1][1] - 22),
                     (upper[2][0], upper[2][1] - 16), inner] + list(reversed(upper)), blur=5)
        cv.shade(lid, LID, 0.55)

    # Nose.
    cv.shade(fm * stroke([(376, 452), (380, 490), (386, 518)], 10, blur=5), SKIN_SH, 0.45)
    cv.shade(fm * ellipse(360, 534, 30, 12, blur=8), SKIN_SH, 0.45)
    cv.shade(fm * ellipse(356, 518, 9, 8, blur=4), SKIN_HI, 0.8)
    for nx in (348, 372):
        cv.shade(ellipse(nx, 534, 6, 3.4, blur=0.8), (120, 60, 56), 0.85)
    cv.shade(stroke([(336, 526), (340, 534), (348, 538)], 3, blur=0.8), SKIN_SH, 0.9)
    cv.shade(stroke([(384, 526), (380, 534), (372, 538)], 3, blur=0.8), SKIN_SH, 0.9)
    cv.shade(stroke([(352, 552), (360, 560), (368, 552)], 8, blur=4, taper=False), SKIN_SH, 0.25)  # philtrum

    # Eyes: white, iris, pupil, highlight, lash line, crease, lower lid.
    for side, (outer, inner, upper, lower) in EYES.items():
        almond = [outer] + upper + [inner] + list(reversed(lower))
        em = shape(almond)
        cv.paint(em, SCLERA)
        cv.shade(em * stroke([outer] + upper + [inner], 10, blur=4, taper=False), (200, 180, 176), 0.6)
        cx = upper[1][0]
        cy = 441
        iris = ellipse(cx, cy, 14.5, 14.5) * em
        cv.paint(iris, gradient(IRIS_DK, IRIS, (cx, cy - 14), (cx, cy + 14)))
        cv.paint(ellipse(cx, cy, 6.5, 6.5) * em, (20, 16, 16))
        cv.shade(em * stroke([(cx - 14, cy - 10), (cx, cy - 15), (cx + 14, cy - 10)], 5, blur=2), IRIS_DK, 0.6)
        cv.paint(ellipse(cx - 5, cy - 5, 3.2, 3.2), (255, 255, 255), 0.95)
        sign = -1 if side == "left" else 1
        wing = (outer[0] + sign * 9, outer[1] - 6)
        # The lash line sits on the lid, above the edge of the eyeball where the landmarks are, so that it stays
        # whole when the lid closes over the eye.
        lash = [(inner[0], inner[1] - 1)] + [(p[0], p[1] - 2.2) for p in reversed(upper)] + [(outer[0], outer[1] - 1),
                                                                                            wing]
        cv.paint(stroke(lash, 5.5, blur=0.5), LASH)
        crease = [(p[0], p[1] - 11) for p in upper]
        cv.shade(stroke([(inner[0] + sign * 4, inner[1] - 9)] + list(reversed(crease)) + [(outer[0] - sign * 3, outer[1] - 10)],
                        2.4, blur=0.8), SKIN_SH, 0.75)
        cv.shade(stroke([inner] + list(reversed(lower)) + [outer], 1.8, blur=0.6), SKIN_SH, 0.7)

    # Brows.
    for side, pts in BROWS.items():
        cv.paint(stroke(pts, 11, blur=0.8), BROW, 0.95)
        cv.shade(stroke(pts[1:4], 4, blur=1.0), HAIR_HI, 0.35)

    # Mouth: upper lip with a cupid's bow, lower lip with a highlight, the line between them.
    bow = [MOUTH_L, (334, 574), (348, 568), (360, 572), (372, 568), (386, 574), MOUTH_R]
    upper = shape(bow + list(reversed([MOUTH_L] + LIP_LINE + [MOUTH_R]))[1:-1])
    cv.paint(upper, LIP_UP)
    lower = shape([MOUTH_L] + LIP_LINE + [MOUTH_R] + list(reversed(LOWER_LIP)))
    cv.paint(lower, LIP_LO)
    cv.shade(lower * ellipse(360, 594, 16, 4, blur=3), (236, 160, 150), 0.7)
    cv.paint(stroke([MOUTH_L] + LIP_LINE + [MOUTH_R], 2.6, blur=0.5), LIP_DARK)
    for c, d in ((MOUTH_L, -1), (MOUTH_R, 1)):
        cv.shade(ellipse(c[0] + d * 3, c[1], 6, 4, blur=2.5), SKIN_SH, 0.5)
    cv.shade(ellipse(360, 616, 22, 6, blur=5), SKIN_SH, 0.3)  # below the lower lip

    # Fringe over the forehead, with strands.
    fringe = [(214, 380), (206, 300), (240, 212), (300, 168), (360, 156), (420, 168), (480, 212), (514, 300),
              (506, 380), (494, 340), (470, 322), (440, 338), (410, 316), (380, 332), (350, 318), (322, 336),
              (292, 318), (262, 336), (236, 330)]
    frm = shape(fringe)
    cv.paint(frm, gradient(HAIR_HI, HAIR, (300, 170), (400, 340)))
    strands = hb * 0 + frm
    for i in range(70):
        x = 200 + rng.random() * 320
        y0 = 170 + rng.random() * 40
        bend = (x - 360) * 0.25
        s = stroke([(x, y0), (x + bend * 0.5, y0 + 70), (x + bend, y0 + 150)], 1.6 + rng.random() * 1.2, blur=0.6)
        cv.shade(s * strands, HAIR_SH if i % 3 else HAIR_HI, 0.35)
    for i in range(50):  # the bob's sides
        side = -1 if i % 2 else 1
        x = 360 + side * (150 + rng.random() * 50)
        s = stroke([(x, 260 + rng.random() * 40), (x + side * 14, 420), (x + side * 6, 600 + rng.random() * 30)],
                   1.6 + rng.random(), blur=0.6)
        cv.shade(s * np.clip(hb - fm, 0, 1), HAIR_SH if i % 3 else HAIR_HI, 0.3)
    cv.shade(fm * (1 - frm) * shape(fringe, blur=8) * (1 - shape(fringe)), SKIN_SH, 0.0)
    # A soft shadow of the fringe on the forehead.
    shadow = np.clip(shape([(p[0], p[1] + 8) for p in fringe], blur=6) - frm, 0, 1) * fm
    cv.shade(shadow, SKIN_SH, 0.6)

    rgba = np.dstack([np.clip(cv.rgb, 0, 255), np.clip(cv.a * 255, 0, 255)]).round().astype(np.uint8)
    return Image.fromarray(rgba, "RGBA")


def pt(p):
    return [round(p[0], 1), round(p[1], 1)]


def landmarks():
    def eye(side):
        outer, inner, upper, lower = EYES[side]
        # Points run from the viewer's left to the right.
        left_first = side == "left"
        ul = upper if left_first else list(reversed(upper))
        ll = lower if left_first else list(reversed(lower))
        return {"outer": pt(outer), "inner": pt(inner), "upperLid": [pt(p) for p in ul], "lowerLid": [pt(p) for p in ll]}

    return {
        "leftEye": eye("left"),
        "rightEye": eye("right"),
        "leftBrow": [pt(p) for p in BROWS["left"]],
        "rightBrow": [pt(p) for p in reversed(BROWS["right"])],
        "nose": {k: pt(v) for k, v in NOSE.items()},
        "mouth": {"left": pt(MOUTH_L), "right": pt(MOUTH_R), "upperLip": [pt(p) for p in UPPER_LIP],
                  "lipLine": [pt(p) for p in LIP_LINE], "lowerLip": [pt(p) for p in LOWER_LIP]},
        "faceOutline": [pt(p) for p in outline_points()],
        "neck": {k: pt(v) for k, v in NECK.items()},
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "assets/characters/juno"
    os.makedirs(out, exist_ok=True)
    img = paint()
    img.save(os.path.join(out, "portrait.png"), optimize=True)
    sheet = {
        "type": "CharacterSheet.1",
        "name": "Juno",
        "art": "portrait.png",
        "landmarks": landmarks(),
        "personality": {"expressiveness": 0.6, "gestureRate": 0.4, "blinkRate": 0.55, "gazeSteadiness": 0.6,
                        "energy": 0.5},
        "metadata": {"author": "Cue Studio", "license": "CC0-1.0",
                     "source": "tools/art/portrait.py (painted procedurally; run it to regenerate)"},
    }
    with open(os.path.join(out, "character.json"), "w") as f:
        json.dump(sheet, f, indent=2)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
