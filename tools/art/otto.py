"""Generates Otto, a Cue Studio sample character (CC0-1.0): flat graphic style, no outlines."""
import math, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from svglib import *

SKIN, SKIN_SH, SKIN_HI, BLUSH = "#dfa07c", "#c8835f", "#ecb894", "#e0806a"
HAIR, HAIR_SH, MUST, BROW = "#c9c4bc", "#a8a298", "#e0dbd3", "#857d74"
FEAT, GLASS = "#3b2b26", "#4b2f27"
CARD, CARD_SH, CARD_RIB = "#d49a33", "#b57f22", "#c48b28"
SHIRT, SHIRT_SH = "#a7c7dc", "#86a9c2"
TROUS, TROUS_SH = "#4d5566", "#3e4553"
BUTTON = "#6b4423"
MIN, TONGUE, TEETH, LIP = "#5a2530", "#c7636b", "#f8f4ec", "#b96a5c"
EYEW = "#fbf7f0"

CX = 500.0

def a_of(y):
    if y < 255: return 150 * math.sqrt(max(0.0, 1 - ((y - 255) / 150) ** 2))
    if y <= 440: return 150 - 52 * ((y - 255) / 185) ** 2
    return max(60.0, 98 - (y - 440) * 1.1)

def proj(phi_deg, y, theta, off=0.0):
    a = a_of(y) + off
    t = max(-90.0, min(90.0, phi_deg + theta))
    return (CX + a * math.sin(math.radians(t)), y)

def wrap(theta, off=0.0):
    """Frontal (x, y) on the face surface -> view."""
    def f(x, y):
        a = a_of(y) + off
        u = max(-1.0, min(1.0, (x - CX) / a))
        return proj(math.degrees(math.asin(u)), y, theta, off)
    return f

def region(pts, theta, off=0.0):
    """Closed smooth region from (phi, y) points."""
    if all(abs(p + theta) >= 90 for p, _ in pts): return None
    return poly([proj(p, y, theta, off) for p, y in pts])

defs = []
clip_n = [0]
def clip(p):
    clip_n[0] += 1
    cid = f"otto-clip-{clip_n[0]}"
    defs.append(f'<clipPath id="{cid}"><path d="{p.d()}"/></clipPath>')
    return cid

def fill_clipped(doc, p, color, cid):
    doc.lines.append(f'<path d="{p.d()}" fill="{color}" clip-path="url(#{cid})"/>')

# ------------------------------------------------------------------ mouths (local coords, centre 0,0)

def open_shape(hw, cy, top, bot):
    return P().M(-hw, cy).C(-hw * 0.5, top, hw * 0.5, top, hw, cy).C(hw * 0.75, bot, -hw * 0.75, bot, -hw, cy).Z()

def lower_lip(hw, y, h):
    return P().M(-hw, y).C(-hw * 0.5, y + h * 1.3, hw * 0.5, y + h * 1.3, hw, y).C(hw * 0.5, y + h * 0.45, -hw * 0.5, y + h * 0.45, -hw, y).Z()

def mouth_parts(name):
    """List of (kind, path, color[, extra]) in local coords; kind: fill | stroke(w) | clip(list)."""
    out = []
    def om(hw, cy, top, bot, ut=0, lt=0, tongue=None, lip=True):
        shape = open_shape(hw, cy, top, bot)
        inner = []
        if tongue: inner.append((tongue, TONGUE))
        if ut: inner.append((P().M(-hw - 5, top - 10).L(hw + 5, top - 10).L(hw + 5, top + ut).C(hw * 0.3, top + ut + 2, -hw * 0.3, top + ut + 2, -hw - 5, top + ut).Z(), TEETH))
        if lt: inner.append((P().M(-hw, bot + 10).L(hw, bot + 10).L(hw, bot - lt * 1.6).C(hw * 0.3, bot - lt * 2.2, -hw * 0.3, bot - lt * 2.2, -hw, bot - lt * 1.6).Z(), TEETH))
        out.append(('clip', shape, MIN, inner))
        if lip: out.append(('fill', lower_lip(hw * 0.62, cy + (bot - cy) * 0.75 + 3, 8), LIP))
    if name == 'Neutral':
        out.append(('fill', lower_lip(20, 3, 6), LIP))
        out.append(('stroke', P().M(-27, -1).C(-10, 3, 10, 3, 27, -1), FEAT, 5))
    elif name == 'Smile':
        om(40, -7, -1, 26, ut=9, tongue=ellipse(0, 24, 22, 10))
        out.append(('stroke', P().M(-46, -12).C(-43, -9, -41, -7, -38, -6), FEAT, 4))
        out.append(('stroke', P().M(46, -12).C(43, -9, 41, -7, 38, -6), FEAT, 4))
    elif name == 'Surprised':
        e = ellipse(0, 10, 17, 23)
        out.append(('clip', e, MIN, [(ellipse(0, 30, 14, 9), TONGUE), (P().M(-20, -20).L(20, -20).L(20, -7).L(-20, -7).Z(), TEETH)]))
        out.append(('stroke', ellipse(0, 10, 19, 25), LIP, 4))
    elif name == 'Aa':
        om(31, 0, -5, 42, ut=7, tongue=ellipse(0, 32, 20, 10))
    elif name == 'D':
        om(32, 0, -4, 25, ut=7, lt=4, tongue=ellipse(0, 19, 18, 7))
    elif name == 'Ee':
        om(37, -2, -3, 16, ut=6, lt=4)
        out.append(('stroke', P().M(-28, 4).C(-10, 5, 10, 5, 28, 4), "#d9cfc4", 2))
    elif name == 'F':
        om(27, 0, -3, 10, ut=7, lip=False)
        out.append(('fill', P().M(-24, 5).C(-10, 2, 10, 2, 24, 5).C(16, 17, -16, 17, -24, 5).Z(), LIP))
    elif name == 'L':
        om(28, 0, -4, 30, ut=6, tongue=ellipse(0, 8, 13, 11))
    elif name == 'M':
        out.append(('fill', lower_lip(22, 3, 8), LIP))
        out.append(('stroke', P().M(-25, 0).C(-8, 1, 8, 1, 25, 0), FEAT, 6))
        out.append(('stroke', P().M(-29, -4).L(-26, 3), FEAT, 3.5))
        out.append(('stroke', P().M(29, -4).L(26, 3), FEAT, 3.5))
    elif name == 'Oh':
        e = ellipse(0, 9, 19, 19)
        out.append(('clip', e, MIN, [(ellipse(0, 27, 14, 8), TONGUE), (P().M(-22, -14).L(22, -14).L(22, -5).L(-22, -5).Z(), TEETH)]))
        out.append(('stroke', ellipse(0, 9, 21, 21), LIP, 6))
    elif name == 'R':
        e = ellipse(0, 5, 21, 13)
        out.append(('clip', e, MIN, [(P().M(-24, -12).L(24, -12).L(24, -2).L(-24, -2).Z(), TEETH), (P().M(-24, 20).L(24, 20).L(24, 12).L(-24, 12).Z(), TEETH)]))
        out.append(('stroke', ellipse(0, 5, 23, 15), LIP, 5))
    elif name == 'S':
        shape = open_shape(33, -1, -3, 13)
        out.append(('clip', shape, MIN, [(P().M(-40, -15).L(40, -15).L(40, 4).L(-40, 4).Z(), TEETH), (P().M(-40, 6).L(40, 6).L(40, 20).L(-40, 20).Z(), TEETH)]))
        out.append(('stroke', P().M(-30, 5).L(30, 5), "#b8aca0", 2))
        out.append(('fill', lower_lip(20, 11, 6), LIP))
    elif name == 'Uh':
        om(27, 0, -2, 20, ut=4, tongue=ellipse(0, 15, 17, 7))
    elif name == 'W-Oo':
        out.append(('stroke', ellipse(0, 6, 13, 13), LIP, 10))
        out.append(('fill', ellipse(0, 6, 8, 9), MIN))
    return out

MOUTHS = ['Neutral', 'Smile', 'Surprised', 'Aa', 'D', 'Ee', 'F', 'L', 'M', 'Oh', 'R', 'S', 'Uh', 'W-Oo']

def draw_parts(doc, parts, f):
    for part in parts:
        kind = part[0]
        if kind == 'fill':
            doc.fill(part[1].map(f), part[2])
        elif kind == 'stroke':
            doc.stroke(part[1].map(f), part[2], part[3])
        elif kind == 'clip':
            shape = part[1].map(f)
            doc.fill(shape, part[2])
            cid = clip(shape)
            for p, col in part[3]:
                fill_clipped(doc, p.map(f), col, cid)

# ------------------------------------------------------------------ head views

def eye_shapes(ex, ey):
    ball = P().M(ex - 24, ey + 1).C(ex - 18, ey - 17, ex + 14, ey - 19, ex + 24, ey - 2).C(ex + 18, ey + 14, ex - 14, ey + 16, ex - 24, ey + 1).Z()
    return ball

def view_tq(doc, label, theta, prefix):
    """Frontal (theta 0) and quarter views from the surface model."""
    W = wrap(theta)
    doc.open(label, prefix)
    # ---- base art
    doc.open_plain()
    # skin head: symmetric outline
    ys = [105 + i * 12 for i in range(29)] + [445]
    right = [(CX + a_of(y), y) for y in ys]
    left = [(CX - a_of(y), y) for y in reversed(ys)]
    head = poly(right[1:] + [(CX, 462)] + left[:-1] + [(CX, 105)])
    # neck
    doc.fill(P().M(450, 400).L(550, 400).L(552, 520).L(448, 520).Z(), SKIN_SH)
    doc.fill(head, SKIN)
    # shading on the side turned away from the light (viewer's right) and under the skull
    # bald-head highlight and wrinkles
    doc.fill(ellipse(462, 152, 38, 17, -22).map(wrap(theta, 2)), SKIN_HI)
    for yy, hw in ((190, 42), (206, 34)):
        doc.stroke(P().M(CX - hw, yy + 2).C(CX - hw / 2, yy - 4, CX + hw / 2, yy - 4, CX + hw, yy + 2).map(W), SKIN_SH, 4)
    # hair fringe round the back, both sides
    for s in (-1, 1):
        pts = [(84, 262), (88, 242), (100, 228), (130, 218), (180, 218), (180, 352), (130, 350), (104, 336), (96, 306), (88, 276), (80, 256)]
        doc.fill(region([(s * p, y) for p, y in pts], theta, 9), HAIR)
        pts2 = [(104, 262), (130, 266), (180, 266), (180, 352), (130, 350), (106, 336), (100, 304)]
        doc.fill(region([(s * p, y) for p, y in pts2], theta, 9), HAIR_SH)
    # cheeks
    for s in (-1, 1):
        doc.fill(ellipse(CX + s * 72, 334, 22, 11).map(W), BLUSH, 0.35)
    # beard
    bpts = [(-100, 262), (-90, 262), (-84, 300), (-68, 342), (-46, 366), (-24, 378), (0, 382), (24, 378), (46, 366), (68, 342), (84, 300), (90, 262), (100, 262),
            (106, 330), (98, 400), (74, 452), (38, 484), (0, 494), (-38, 484), (-74, 452), (-98, 400), (-106, 330)]
    doc.fill(region(bpts, theta, 8), HAIR)
    spts = [(-80, 430), (-50, 452), (0, 462), (50, 452), (80, 430), (74, 452), (38, 484), (0, 494), (-38, 484), (-74, 452)]
    doc.fill(region(spts, theta, 8), HAIR_SH)
    # a few strands
    for p0, p1 in (((-60, 400), (-52, 428)), ((60, 400), (52, 428)), ((-25, 445), (-20, 468)), ((25, 445), (20, 468))):
        a = proj(p0[0], p0[1], theta, 12); b = proj(p1[0], p1[1], theta, 12)
        if abs(p0[0] + theta) < 80:
            doc.stroke(P().M(*a).L(*b), HAIR_SH, 4)
    # ears
    for s in (-1, 1):
        root = proj(s * 90, 292, theta)
        vis = math.cos(math.radians(max(-90, min(90, s * 90 + theta))))  # 0 at frontal edge
        if s * 90 + theta > 90 or s * 90 + theta < -90:
            continue
        depth = 24 + 22 * vis  # how much ear we see
        ex = root[0] + s * (24 + 12 * vis)
        ear = P().M(root[0], 256).C(ex - s * 4, 246, ex + s * 6, 272, ex + s * 2, 300).C(ex - s * 2, 326, root[0] + s * 4, 338, root[0], 332).Z()
        doc.fill(ear, SKIN)
        inner = P().M(root[0] + s * 2, 268).C(ex - s * 2, 262, ex + s * 0, 286, ex - s * 2, 302).C(ex - s * 6, 316, root[0] + s * 8, 320, root[0] + s * 2, 314)
        doc.stroke(inner, SKIN_SH, 5)
    doc.close()
    # ---- nose
    doc.open("Nose", prefix + "-Nose")
    def nose_off(x, y):
        w = math.exp(-((x - CX) / 26) ** 2) * max(0.0, min(1.0, (y - 282) / 56))
        return wrap(theta, 42 * w)(x, y)
    nose = P().M(494, 286).C(490, 306, 484, 322, 480, 334).C(474, 346, 484, 360, 500, 360).C(516, 360, 526, 346, 520, 334).C(516, 322, 510, 306, 506, 286).Z()
    doc.fill(nose.map(nose_off), SKIN_SH)
    doc.fill(ellipse(500, 340, 15, 14).map(nose_off), SKIN)
    doc.fill(ellipse(505, 334, 6, 5).map(nose_off), SKIN_HI)
    for s in (-1, 1):
        doc.fill(ellipse(CX + s * 11, 354, 5, 3).map(nose_off), "#a8664a")
    doc.close()
    # ---- brows
    for side, s in (("Left", -1), ("Right", 1)):
        doc.open(f"{side} Eyebrow", f"{prefix}-{side}-Eyebrow")
        bx = CX + s * 54
        brow = P().M(bx - s * 30, 240).C(bx - s * 10, 226, bx + s * 20, 222, bx + s * 40, 234).C(bx + s * 30, 236, bx + s * 18, 236, bx + s * 6, 238).C(bx - s * 8, 240, bx - s * 20, 246, bx - s * 30, 248).Z()
        doc.fill(brow.map(wrap(theta, 6)), BROW)
        doc.close()
    # ---- eyes (with the glasses' rims: they move with the eyes)
    for side, s in (("Left", -1), ("Right", 1)):
        ex, ey = CX + s * 54, 288
        Wg = wrap(theta, 16)
        doc.open(f"{side} Eye", f"{prefix}-{side}-Eye")
        doc.open(f"{side} Eyeball", f"{prefix}-{side}-Eyeball")
        doc.fill(eye_shapes(ex, ey).map(W), EYEW)
        doc.close()
        doc.open(f"{side} Pupil", f"{prefix}-{side}-Pupil")
        doc.fill(ellipse(ex, ey + 1, 10.5, 11).map(W), FEAT)
        doc.fill(ellipse(ex + 4, ey - 3, 3.2, 3.2).map(W), EYEW)
        doc.close()
        doc.open_plain()
        lid = P().M(ex - 24, ey + 1).C(ex - 18, ey - 17, ex + 14, ey - 19, ex + 24, ey - 2).C(ex + 12, ey - 9, ex - 12, ey - 9, ex - 24, ey + 1).Z()
        doc.fill(lid.map(W), SKIN_SH)
        doc.stroke(P().M(ex - 25, ey + 1).C(ex - 18, ey - 17, ex + 14, ey - 19, ex + 25, ey - 2).map(W), FEAT, 4.5)
        doc.stroke(P().M(ex - 16, ey + 17).C(ex - 6, ey + 21, ex + 8, ey + 21, ex + 16, ey + 16).map(W), SKIN_SH, 3.5)
        doc.close()
        doc.open(f"{side} Blink", f"{prefix}-{side}-Blink")
        doc.fill(P().M(ex - 28, ey + 2).C(ex - 22, ey - 22, ex + 18, ey - 24, ex + 28, ey - 2).C(ex + 22, ey + 18, ex - 18, ey + 20, ex - 28, ey + 2).Z().map(W), SKIN)
        doc.stroke(P().M(ex - 24, ey + 2).C(ex - 12, ey + 12, ex + 12, ey + 12, ex + 24, ey).map(W), FEAT, 4.5)
        doc.stroke(P().M(ex - 20, ey - 8).C(ex - 8, ey - 14, ex + 10, ey - 14, ex + 20, ey - 10).map(W), SKIN_SH, 3.5)
        doc.close()
        doc.open_plain()
        lens = ellipse(ex, ey - 2, 42, 33)
        doc.fill(lens.map(Wg), "#ffffff", 0.16)
        doc.stroke(P().M(ex + 12, ey - 24).C(ex + 24, ey - 20, ex + 32, ey - 12, ex + 35, ey - 2).map(Wg), "#ffffff", 4, 0.7)
        doc.stroke(lens.map(Wg), GLASS, 7)
        # half of the bridge and the temple arm
        doc.stroke(P().M(ex - s * 41, ey - 8).C(ex - s * 46, ey - 14, ex - s * 50, ey - 15, CX, ey - 14).map(Wg), GLASS, 6)
        if s * 90 + theta < 88 and s * 90 + theta > -88 or True:
            t0 = Wg(ex + s * 42, ey - 8)
            t1 = proj(s * 84, ey - 12, theta, 4)
            if (s > 0 and t1[0] > t0[0]) or (s < 0 and t1[0] < t0[0]):
                doc.stroke(P().M(*t0).L(*t1), GLASS, 6)
        doc.close()
        doc.close()
    # ---- mouth (the moustache rides along as static art)
    doc.open("Mouth", prefix + "-Mouth")
    MW = wrap(theta, 10)
    mc = (CX, 404)
    doc.pivot(prefix + "-mouth-pivot", *MW(mc[0], mc[1] - 6))
    for m in MOUTHS:
        doc.open(m, f"{prefix}-Mouth-{m}")
        draw_parts(doc, mouth_parts(m), compose(translate(*mc), MW))
        doc.close()
    doc.open_plain()
    MS = wrap(theta, 16)
    must = P().M(500, 356).C(520, 350, 546, 356, 558, 372).C(566, 384, 570, 398, 566, 408).C(558, 398, 548, 390, 532, 390).C(518, 390, 508, 388, 500, 384) \
        .C(492, 388, 482, 390, 468, 390).C(452, 390, 442, 398, 434, 408).C(430, 398, 434, 384, 442, 372).C(454, 356, 480, 350, 500, 356).Z()
    doc.fill(must.map(MS), MUST)
    doc.stroke(P().M(500, 364).L(500, 382).map(MS), HAIR, 3)
    doc.stroke(P().M(476, 368).C(468, 374, 460, 382, 452, 392).map(MS), HAIR, 3)
    doc.stroke(P().M(524, 368).C(532, 374, 540, 382, 548, 392).map(MS), HAIR, 3)
    doc.close()
    doc.close()
    doc.close()

# ------------------------------------------------------------------ profile (drawn facing the viewer's right; mirrored for the left)

def profile_mouth_parts(name):
    """Profile mouths, local coords: (0,0) = mouth front at the face contour, x forward (right)."""
    out = []
    def wedge(depth, top, bot, ut=0, lt=0, tongue=True, lip=True, round_=False):
        shape = P().M(-depth, 0).C(-depth * 0.6, top * 0.9, -4, top, 2, top).L(2 + (3 if round_ else 0), bot).C(-4, bot, -depth * 0.6, bot * 0.9, -depth, 0).Z()
        inner = []
        if tongue: inner.append((ellipse(-depth * 0.45, bot - 2, depth * 0.5, max(5, bot * 0.35)), TONGUE))
        if ut: inner.append((P().M(-depth * 0.5, top - 8).L(6, top - 8).L(6, top + ut).L(-depth * 0.5, top + ut).Z(), TEETH))
        if lt: inner.append((P().M(-depth * 0.5, bot + 8).L(6, bot + 8).L(6, bot - lt).L(-depth * 0.5, bot - lt).Z(), TEETH))
        out.append(('clip', shape, MIN, inner))
        if lip:
            out.append(('fill', P().M(-6, bot - 1).C(4, bot - 3, 10, bot + 2, 9, bot + 6).C(6, bot + 11, -4, bot + 10, -8, bot + 6).Z(), LIP))
    if name == 'Neutral':
        out.append(('fill', P().M(-8, 2).C(2, 1, 8, 4, 8, 8).C(6, 12, -2, 12, -6, 9).Z(), LIP))
        out.append(('stroke', P().M(-18, 1).C(-10, 2, -2, 2, 6, 1), FEAT, 4.5))
    elif name == 'Smile':
        wedge(26, -4, 18, ut=7)
        out.append(('stroke', P().M(-30, -6).C(-28, -2, -27, 0, -26, 1), FEAT, 4))
    elif name == 'Surprised':
        wedge(20, -6, 34, ut=5, round_=True)
    elif name == 'Aa':
        wedge(24, -5, 36, ut=6)
    elif name == 'D':
        wedge(24, -4, 22, ut=6, lt=4)
    elif name == 'Ee':
        wedge(28, -3, 13, ut=5, lt=4, tongue=False)
    elif name == 'F':
        out.append(('fill', P().M(-14, -3).L(4, -3).L(4, 5).L(-14, 5).Z(), TEETH))
        out.append(('fill', P().M(-10, 4).C(0, 1, 6, 4, 6, 8).C(4, 14, -4, 14, -10, 10).Z(), LIP))
    elif name == 'L':
        wedge(22, -4, 26, ut=6)
        out.append(('fill', ellipse(-6, 4, 7, 6), TONGUE))
    elif name == 'M':
        out.append(('fill', P().M(-6, 0).C(4, -3, 10, 1, 10, 4).C(10, 8, 2, 9, -6, 6).Z(), LIP))
        out.append(('stroke', P().M(-18, 1).L(4, 1), FEAT, 5.5))
    elif name == 'Oh':
        wedge(18, -5, 26, ut=4, round_=True)
        out.append(('stroke', P().M(2, -7).C(12, -4, 12, 26, 2, 28), LIP, 7))
    elif name == 'R':
        wedge(18, -4, 16, ut=5, lt=4, tongue=False, round_=True)
        out.append(('stroke', P().M(3, -5).C(10, -2, 10, 16, 3, 18), LIP, 6))
    elif name == 'S':
        wedge(26, -3, 12, ut=7, lt=6, tongue=False)
    elif name == 'Uh':
        wedge(20, -2, 18, ut=3)
    elif name == 'W-Oo':
        out.append(('fill', P().M(-2, -8).C(14, -8, 18, 4, 16, 10).C(14, 20, 0, 20, -2, 18).Z(), LIP))
        out.append(('fill', ellipse(11, 5, 4, 6), MIN))
    return out

def view_profile(doc, label, prefix, flip):
    F = mirror if flip else (lambda x, y: (x, y))
    def fl(p): return p.map(F)
    near, far = ("Right", "Left") if flip else ("Left", "Right")
    doc.open(label, prefix)
    # far brow and eye sit behind the head: only a peek of the brow shows past the brow ridge
    doc.open(f"{far} Eyebrow", f"{prefix}-{far}-Eyebrow")
    doc.fill(fl(P().M(612, 236).C(626, 228, 640, 228, 652, 232).C(646, 238, 630, 240, 614, 244).Z()), BROW)
    doc.close()
    doc.open(f"{far} Eye", f"{prefix}-{far}-Eye")
    doc.open(f"{far} Eyeball", f"{prefix}-{far}-Eyeball")
    doc.fill(fl(ellipse(618, 288, 10, 12)), EYEW)
    doc.close()
    doc.open(f"{far} Pupil", f"{prefix}-{far}-Pupil")
    doc.fill(fl(ellipse(620, 289, 6, 9)), FEAT)
    doc.close()
    doc.open(f"{far} Blink", f"{prefix}-{far}-Blink")
    doc.fill(fl(ellipse(618, 288, 12, 14)), SKIN)
    doc.close()
    doc.close()
    doc.open_plain()
    doc.fill(fl(P().M(470, 400).L(560, 400).L(566, 520).L(452, 520).Z()), SKIN_SH)
    head = P().M(500, 105).C(572, 104, 622, 146, 634, 204).C(638, 222, 640, 238, 646, 250).C(644, 258, 638, 262, 640, 272) \
        .C(654, 292, 680, 310, 694, 328).C(704, 344, 694, 362, 676, 360).C(666, 360, 660, 356, 652, 360) \
        .L(650, 420).C(630, 440, 600, 452, 560, 452).L(470, 452) \
        .C(420, 440, 378, 400, 360, 350).C(344, 300, 344, 240, 360, 196).C(384, 136, 436, 106, 500, 105).Z()
    doc.fill(fl(head), SKIN)
    doc.fill(fl(P().M(646, 250).C(644, 258, 638, 262, 640, 272).C(654, 292, 680, 310, 694, 328).C(704, 344, 694, 362, 676, 360).C(662, 360, 652, 350, 650, 338).C(652, 320, 640, 300, 632, 280).Z()), SKIN_SH, 0.5)
    doc.fill(fl(ellipse(680, 338, 14, 12)), SKIN)
    doc.fill(fl(ellipse(684, 334, 6, 5)), SKIN_HI)
    doc.fill(fl(ellipse(662, 352, 9, 5, 20)), "#a8664a")
    doc.fill(fl(ellipse(500, 150, 48, 20, -8)), SKIN_HI)
    for yy in (190, 206):
        doc.stroke(fl(P().M(580, yy - 6).C(596, yy - 4, 610, yy + 2, 618, yy + 8)), SKIN_SH, 4)
    # hair fringe at the back
    hair = P().M(466, 236).C(430, 222, 384, 218, 352, 226).C(342, 260, 344, 310, 360, 350).C(372, 380, 392, 400, 420, 412).C(446, 402, 462, 380, 468, 350).C(470, 310, 468, 270, 466, 236).Z()
    doc.fill(fl(hair.map(scale_about(420, 300, 1.03))), HAIR)
    doc.fill(fl(P().M(354, 290).C(352, 326, 362, 350, 378, 372).C(392, 392, 410, 404, 422, 410).C(440, 400, 452, 388, 458, 372).C(420, 360, 392, 334, 382, 290).Z()), HAIR_SH)
    # ear
    ear = P().M(494, 258).C(480, 244, 452, 246, 448, 272).C(444, 300, 452, 330, 472, 338).C(486, 342, 498, 334, 500, 322).Z()
    doc.fill(fl(ear), SKIN)
    doc.stroke(fl(P().M(488, 268).C(470, 262, 460, 276, 462, 296).C(464, 314, 474, 324, 486, 322)), SKIN_SH, 5)
    doc.fill(fl(ellipse(596, 334, 20, 11)), BLUSH, 0.35)
    # beard
    beard = P().M(500, 272).L(514, 272).C(520, 300, 540, 330, 574, 356).C(600, 372, 624, 376, 640, 372).L(652, 384).C(664, 396, 668, 420, 664, 440) \
        .C(660, 470, 640, 494, 604, 498).C(560, 500, 520, 488, 494, 466).C(474, 448, 474, 400, 482, 350).C(488, 310, 492, 290, 500, 272).Z()
    doc.fill(fl(beard), HAIR)
    doc.fill(fl(P().M(500, 440).C(540, 462, 600, 470, 662, 440).C(660, 470, 640, 494, 604, 498).C(560, 500, 520, 488, 494, 466).Z()), HAIR_SH)
    doc.stroke(fl(P().M(560, 410).L(566, 436)), HAIR_SH, 4)
    doc.stroke(fl(P().M(610, 440).L(612, 464)), HAIR_SH, 4)
    doc.close()
    # brow
    doc.open(f"{near} Eyebrow", f"{prefix}-{near}-Eyebrow")
    doc.fill(fl(P().M(578, 240).C(596, 226, 624, 222, 646, 232).C(640, 238, 626, 240, 612, 242).C(600, 244, 588, 246, 578, 248).Z()), BROW)
    doc.close()
    # near eye: a side-on almond
    doc.open(f"{near} Eye", f"{prefix}-{near}-Eye")
    ball = P().M(600, 288).C(604, 276, 612, 272, 622, 274).C(626, 282, 626, 294, 622, 302).C(612, 304, 604, 298, 600, 288).Z()
    doc.open(f"{near} Eyeball", f"{prefix}-{near}-Eyeball")
    doc.fill(fl(ball), EYEW)
    doc.close()
    doc.open(f"{near} Pupil", f"{prefix}-{near}-Pupil")
    doc.fill(fl(ellipse(617, 289, 6.5, 10.5)), FEAT)
    doc.fill(fl(ellipse(620, 285, 2.2, 2.8)), EYEW)
    doc.close()
    doc.open_plain()
    doc.fill(fl(P().M(600, 288).C(604, 276, 612, 272, 622, 274).C(624, 278, 625, 282, 625, 285).C(614, 282, 606, 284, 600, 288).Z()), SKIN_SH)
    doc.stroke(fl(P().M(599, 289).C(604, 276, 612, 272, 624, 274)), FEAT, 4.5)
    doc.stroke(fl(P().M(606, 306).C(612, 310, 618, 309, 622, 306)), SKIN_SH, 3.5)
    doc.close()
    doc.open(f"{near} Blink", f"{prefix}-{near}-Blink")
    doc.fill(fl(P().M(596, 288).C(600, 270, 614, 266, 628, 270).C(630, 284, 630, 298, 624, 306).C(610, 308, 598, 300, 596, 288).Z()), SKIN)
    doc.stroke(fl(P().M(600, 290).C(606, 298, 616, 300, 624, 296)), FEAT, 4.5)
    doc.close()
    doc.open_plain()
    # glasses, side-on: the near rim as a narrow lens, the arm back to the ear
    doc.stroke(fl(P().M(634, 278).L(486, 272).C(478, 272, 474, 280, 476, 290)), GLASS, 6)
    lens = ellipse(638, 286, 9, 33, -4)
    doc.fill(fl(lens), "#ffffff", 0.16)
    doc.stroke(fl(lens), GLASS, 7)
    doc.close()
    doc.close()
    # mouth
    doc.open("Mouth", prefix + "-Mouth")
    mc = (656, 404)
    doc.pivot(prefix + "-mouth-pivot", *F(mc[0] - 8, mc[1] - 4))
    for m in MOUTHS:
        doc.open(m, f"{prefix}-Mouth-{m}")
        draw_parts(doc, profile_mouth_parts(m), compose(scale_about(0, 0, 1.25), translate(*mc), F))
        doc.close()
    doc.open_plain()
    must = P().M(640, 352).C(654, 350, 668, 356, 674, 366).C(678, 378, 676, 390, 668, 398).C(662, 392, 652, 390, 640, 392).C(620, 396, 604, 400, 590, 408).C(592, 390, 604, 370, 620, 358).C(626, 354, 632, 352, 640, 352).Z()
    doc.fill(fl(must), MUST)
    doc.stroke(fl(P().M(650, 364).C(646, 374, 640, 384, 632, 392)), HAIR, 3)
    doc.close()
    doc.close()
    doc.close()

# ------------------------------------------------------------------ body and arms

def hand_pose(name):
    """Hand art in local coords: wrist at (0,0), hanging down (+y), thumb toward -x (the body side for the left arm)."""
    parts = []
    lines = []
    if name == 'Relaxed':
        parts.append(P().M(-22, 0).C(-28, 30, -30, 60, -20, 82).C(-10, 98, 14, 98, 22, 80).C(30, 60, 28, 24, 22, 0).Z())
        parts.append(P().M(-20, 22).C(-34, 32, -38, 50, -30, 60).C(-24, 66, -16, 56, -14, 44).Z())
        lines = [P().M(-6, 60).L(-6, 88), P().M(8, 60).L(8, 88)]
    elif name == 'Open':
        parts.append(P().M(-22, 0).C(-26, 24, -26, 50, -22, 60).L(-22, 100).C(-22, 112, -8, 112, -8, 100).L(-8, 62).L(-6, 108)
                     .C(-6, 120, 8, 120, 8, 108).L(8, 62).L(10, 104).C(10, 116, 24, 116, 24, 104).L(24, 60).C(28, 40, 28, 20, 22, 0).Z())
        parts.append(P().M(-20, 20).C(-40, 30, -52, 46, -56, 62).C(-58, 72, -48, 74, -44, 66).C(-38, 54, -30, 48, -20, 46).Z())
    elif name == 'Point':
        parts.append(P().M(-22, 0).C(-28, 26, -28, 50, -20, 66).C(-10, 80, 14, 80, 22, 64).C(28, 46, 28, 20, 22, 0).Z())
        parts.append(P().M(-18, 56).L(-18, 120).C(-18, 132, -4, 132, -4, 120).L(-4, 60).Z())
        parts.append(P().M(-20, 24).C(-34, 34, -36, 50, -26, 58).C(-18, 62, -12, 52, -12, 44).Z())
        lines = [P().M(2, 62).C(8, 68, 14, 68, 18, 62)]
    elif name == 'Fist':
        parts.append(P().M(-22, 0).C(-30, 24, -30, 52, -22, 70).C(-12, 84, 14, 84, 22, 70).C(30, 52, 28, 22, 22, 0).Z())
        parts.append(P().M(-20, 26).C(-34, 36, -34, 54, -22, 58).C(-12, 60, -2, 56, 2, 50).Z())
        lines = [P().M(-8, 62).L(-8, 78), P().M(6, 62).L(6, 78), P().M(-18, 62).C(-6, 58, 10, 58, 22, 62)]
    elif name == 'Wave':
        parts.append(P().M(-22, 0).C(-26, 24, -26, 44, -24, 58).L(-36, 96).C(-40, 108, -26, 112, -22, 100).L(-12, 64).L(-10, 108)
                     .C(-10, 120, 4, 120, 4, 108).L(4, 64).L(14, 104).C(16, 116, 30, 112, 28, 100).L(22, 58).C(28, 40, 28, 20, 22, 0).Z())
        parts.append(P().M(-20, 18).C(-42, 22, -58, 32, -66, 46).C(-70, 56, -60, 60, -54, 52).C(-44, 42, -32, 40, -20, 42).Z())
        parts.append(P().M(20, 52).L(34, 86).C(38, 98, 52, 92, 48, 82).L(24, 40).Z())
    return parts, lines

def arm(doc, side, s, S, E, Wr):
    """One arm; s=-1 viewer's left. Points given for the left arm, mirrored for the right."""
    F = (lambda x, y: (x, y)) if s < 0 else mirror
    def fl(p): return p.map(F)
    def pt(p): return F(*p)
    doc.open(f"{side} Arm", f"{side}-Arm")
    doc.open("Upper Arm", f"{side}-Upper-Arm")
    doc.pivot(f"{side.lower()}-upper-arm-pivot", *pt(S))
    doc.fill(fl(capsule(S[0], S[1], E[0], E[1], 46, 40)), CARD)
    doc.fill(fl(P().M(S[0] - 30, S[1] + 70).C(S[0] - 38, S[1] + 130, E[0] - 36, E[1] - 60, E[0] - 34, E[1])
                 .L(E[0] - 22, E[1]).C(E[0] - 24, E[1] - 70, S[0] - 22, S[1] + 120, S[0] - 30, S[1] + 70).Z()), CARD_SH)
    doc.stroke(fl(P().M(S[0] + 40, S[1] + 40).C(S[0] + 40, S[1] + 110, E[0] + 38, E[1] - 70, E[0] + 36, E[1] - 10)), CARD_SH, 6)
    doc.open("Forearm", f"{side}-Forearm")
    doc.pivot(f"{side.lower()}-forearm-pivot", *pt(E))
    doc.fill(fl(capsule(E[0], E[1], Wr[0], Wr[1] - 6, 40, 36)), CARD)
    doc.fill(fl(P().M(E[0] - 34, E[1] + 20).C(E[0] - 36, E[1] + 80, Wr[0] - 34, Wr[1] - 60, Wr[0] - 32, Wr[1] - 30).L(Wr[0] - 22, Wr[1] - 30)
                 .C(Wr[0] - 24, Wr[1] - 70, E[0] - 24, E[1] + 70, E[0] - 22, E[1] + 20).Z()), CARD_SH)
    doc.stroke(fl(P().M(E[0] - 18, E[1] - 4).C(E[0] - 8, E[1] + 4, E[0] + 4, E[1] + 4, E[0] + 12, E[1] - 2)), CARD_SH, 4)
    doc.stroke(fl(P().M(E[0] + 36, E[1] + 10).C(E[0] + 36, E[1] + 70, Wr[0] + 34, Wr[1] - 80, Wr[0] + 33, Wr[1] - 36)), CARD_SH, 6)
    doc.open("Hand", f"{side}-Hand")
    doc.pivot(f"{side.lower()}-hand-pivot", *pt(Wr))
    for pose in ("Relaxed", "Open", "Point", "Fist", "Wave"):
        doc.open(pose, f"{side}-Hand-{pose}")
        parts, lines = hand_pose(pose)
        # thumb toward the body: for the left arm the body is at +x
        loc = lambda x, y: (Wr[0] - x, Wr[1] + y)
        for i, p in enumerate(parts):
            doc.fill(fl(p.map(loc)), SKIN if i != len(parts) - 1 or pose in ("Open", "Wave") else SKIN)
        for p in lines:
            doc.stroke(fl(p.map(loc)), SKIN_SH, 3.5)
        doc.close()
    doc.close()
    # the cuff covers the wrist
    doc.fill(fl(P().M(Wr[0] - 38, Wr[1] - 34).C(Wr[0] - 14, Wr[1] - 40, Wr[0] + 14, Wr[1] - 40, Wr[0] + 38, Wr[1] - 34).L(Wr[0] + 36, Wr[1] + 6)
                 .C(Wr[0] + 12, Wr[1] + 12, Wr[0] - 12, Wr[1] + 12, Wr[0] - 36, Wr[1] + 6).Z()), CARD_RIB)
    for k in (-24, -12, 0, 12, 24):
        doc.stroke(fl(P().M(Wr[0] + k, Wr[1] - 32).L(Wr[0] + k, Wr[1] + 4)), CARD_SH, 3)
    doc.close()
    doc.close()
    doc.close()

def body(doc):
    doc.open("Body")
    doc.pivot("body-pivot", 500, 1150)
    # trousers
    doc.fill(P().M(318, 860).L(682, 860).C(690, 960, 696, 1080, 700, 1220).L(516, 1220).L(500, 1010).L(484, 1220).L(300, 1220).C(304, 1080, 310, 960, 318, 860).Z(), TROUS)
    doc.fill(P().M(500, 930).L(500, 1010).L(516, 1220).L(540, 1220).Z(), TROUS_SH)
    doc.fill(P().M(318, 860).C(310, 960, 304, 1080, 300, 1220).L(330, 1220).C(330, 1080, 336, 960, 344, 860).Z(), TROUS_SH)
    # shirt
    doc.fill(P().M(430, 480).L(570, 480).L(600, 560).L(560, 900).L(440, 900).L(400, 560).Z(), SHIRT)
    doc.fill(P().M(500, 600).L(500, 900).L(510, 900).L(510, 600).Z(), SHIRT_SH)
    for yy in (640, 710, 780):
        doc.fill(ellipse(516, yy, 4.5, 4.5), SHIRT_SH)
    # cardigan: two fronts and the shoulders
    left = P().M(454, 478).C(420, 486, 360, 494, 318, 514).C(290, 530, 286, 560, 290, 600).C(296, 700, 296, 800, 300, 896) \
        .C(360, 910, 430, 914, 494, 910).L(494, 700).C(480, 640, 456, 560, 440, 500).Z()
    doc.fill(left, CARD)
    doc.fill(left.map(mirror), CARD)
    # shading on the viewer's right side and under the collar
    doc.fill(P().M(700, 600).C(704, 700, 704, 800, 700, 896).C(680, 900, 660, 902, 640, 904).C(660, 800, 668, 700, 670, 600).Z(), CARD_SH)
    # collar / rib band along the opening
    band_l = P().M(446, 474).C(452, 540, 474, 620, 494, 700).L(494, 912).L(476, 912).L(476, 706).C(458, 630, 436, 548, 428, 482).Z()
    doc.fill(band_l, CARD_RIB)
    doc.fill(band_l.map(mirror), CARD_RIB)
    # hem rib
    doc.fill(P().M(300, 880).C(360, 894, 430, 898, 500, 896).C(570, 898, 640, 894, 700, 880).L(700, 912).C(640, 926, 570, 930, 500, 928).C(430, 930, 360, 926, 300, 912).Z(), CARD_RIB)
    for k in range(0, 17):
        x = 312 + k * 24
        doc.stroke(P().M(x, 886 + 4 * abs(k - 8) / 8).L(x, 918 + 4 * abs(k - 8) / 8), CARD_SH, 3)
    # pockets
    for s in (-1, 1):
        px = 500 + s * 118
        doc.fill(P().M(px - 44, 760).L(px + 44, 760).L(px + 42, 840).C(px + 20, 846, px - 20, 846, px - 42, 840).Z(), CARD_SH)
        doc.fill(P().M(px - 44, 760).L(px + 44, 760).L(px + 44, 774).L(px - 44, 774).Z(), CARD_RIB)
    # buttons
    for yy in (730, 800, 860):
        doc.fill(ellipse(486, yy, 8, 8), BUTTON)
    # shirt collar points over the cardigan band
    doc.fill(P().M(448, 472).L(500, 500).L(470, 540).Z(), SHIRT)
    doc.fill(P().M(552, 472).L(500, 500).L(530, 540).Z(), SHIRT)
    doc.fill(P().M(470, 540).L(500, 500).L(484, 548).Z(), SHIRT_SH)
    arm(doc, "Left", -1, (306, 548), (288, 760), (282, 950))
    arm(doc, "Right", 1, (306, 548), (288, 760), (282, 950))
    doc.close()

def main(out):
    doc = Doc()
    body(doc)
    doc.open("Head")
    doc.pivot("head-pivot", 500, 470)
    view_tq(doc, "Frontal", 0, "Frontal")
    view_tq(doc, "Left Quarter", -28, "LQ")
    view_tq(doc, "Right Quarter", 28, "RQ")
    view_profile(doc, "Left Profile", "LP", True)
    view_profile(doc, "Right Profile", "RP", False)
    doc.close()
    svg = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" version="1.1" width="1000" height="1200" viewBox="0 0 1000 1200">',
           '<title>Otto (Cue Studio sample character, CC0-1.0)</title>',
           '<defs>'] + defs + ['</defs>', doc.text(), '</svg>', '']
    open(out, 'w').write("\n".join(svg))

if __name__ == '__main__':
    main(sys.argv[1])
