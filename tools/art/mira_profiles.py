"""Adds Left Profile and Right Profile head views to Mira's sheet, in her style (5-unit dark outlines)."""
import sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from svglib import *

INK, SKIN, SKIN_SH, HAIR, HAIR_SH, BROW = "#2b1d2a", "#f6c9a8", "#e7a888", "#8a3b2c", "#6a2820", "#5a231c"
EYEW, EYESH, IRIS, IRIS_D, IRIS_L, PUP = "#fffdf8", "#e4dde6", "#4c9a72", "#2c6249", "#6fb88f", "#1e1822"
MIN, TONGUE, TEETH, LIP, BLUSH = "#5b2232", "#e27a80", "#fffaf2", "#d9897e", "#f19a86"
HL = "#a8503e"

defs = []
cn = [0]

def view(doc, label, prefix, flip):
    F = mirror if flip else (lambda x, y: (x, y))
    fl = lambda p: p.map(F)
    near, far = ("Right", "Left") if flip else ("Left", "Right")
    def clip(p):
        cn[0] += 1
        cid = f"mira-{prefix.lower()}-clip-{cn[0]}"
        defs.append(f'<clipPath id="{cid}"><path d="{p.d()}"/></clipPath>')
        return cid
    doc.open(label, prefix)
    # the far brow and eye, hidden behind the face (present so the renderer can drive them)
    doc.open(f"{far} Eyebrow", f"{prefix}-{far}-Eyebrow")
    doc.fill(fl(P().M(600, 246).C(610, 240, 620, 240, 626, 242).C(618, 246, 610, 248, 600, 252).Z()), BROW)
    doc.close()
    doc.open(f"{far} Eye", f"{prefix}-{far}-Eye")
    doc.open(f"{far} Eyeball", f"{prefix}-{far}-Eyeball")
    doc.fill(fl(ellipse(600, 296, 8, 12)), EYEW)
    doc.close()
    doc.open(f"{far} Pupil", f"{prefix}-{far}-Pupil")
    doc.fill(fl(ellipse(602, 296, 5, 9)), IRIS)
    doc.close()
    doc.open(f"{far} Blink", f"{prefix}-{far}-Blink")
    doc.fill(fl(ellipse(600, 296, 10, 14)), SKIN)
    doc.close()
    doc.close()
    doc.open_plain()
    contour = P().M(520, 84).C(584, 88, 614, 146, 616, 206).C(617, 232, 620, 250, 628, 262).C(624, 274, 618, 286, 622, 298) \
        .C(630, 312, 644, 324, 648, 334).C(650, 344, 642, 348, 630, 348).C(626, 352, 626, 358, 630, 364) \
        .C(626, 370, 624, 374, 628, 380).C(632, 388, 628, 394, 622, 398).C(620, 406, 622, 414, 616, 424) \
        .C(606, 438, 580, 444, 556, 440).C(548, 450, 544, 462, 543, 476)
    face = contour + P().L(470, 476).L(452, 300).C(452, 200, 470, 120, 520, 84).Z()
    doc.fill(fl(face), SKIN)
    doc.fill(fl(P().M(554, 442).C(548, 452, 545, 462, 544, 476).L(490, 476).C(516, 466, 536, 454, 554, 442).Z()), SKIN_SH)
    doc.stroke(fl(contour), INK, 5)
    doc.fill(fl(ellipse(588, 340, 22, 12)), BLUSH, 0.55)
    # one hair mass: crown, back and the long fall to the shoulders, tucked behind the ear
    hair = P().M(604, 156).C(596, 110, 560, 66, 510, 62).C(410, 60, 334, 124, 326, 224).C(320, 300, 336, 380, 318, 440) \
        .C(312, 462, 300, 478, 290, 488).C(330, 502, 400, 500, 440, 484).C(462, 474, 476, 466, 486, 452) \
        .C(480, 420, 480, 380, 488, 340).C(494, 300, 498, 280, 504, 262).C(520, 220, 560, 180, 604, 156).Z()
    doc.fs(fl(hair), HAIR, INK, 5)
    doc.fill(fl(P().M(336, 250).C(346, 340, 334, 420, 306, 482).C(330, 490, 356, 488, 378, 480).C(384, 400, 370, 320, 336, 250).Z()), HAIR_SH)
    doc.fill(fl(P().M(420, 92).C(480, 74, 550, 76, 590, 112).C(560, 102, 520, 100, 486, 110).C(458, 118, 436, 132, 420, 150).C(416, 130, 416, 108, 420, 92).Z()), HL)
    doc.stroke(fl(P().M(590, 150).C(560, 132, 520, 140, 496, 168).C(474, 196, 466, 230, 462, 266)), HAIR_SH, 4)
    doc.stroke(fl(P().M(420, 300).C(416, 350, 410, 400, 396, 450)), HAIR_SH, 4)
    # ear
    ear = P().M(514, 272).C(498, 256, 474, 262, 474, 292).C(474, 320, 492, 334, 514, 328).Z()
    doc.fs(fl(ear), SKIN, INK, 5)
    doc.stroke(fl(P().M(506, 278).C(490, 274, 484, 292, 496, 312)), SKIN_SH, 3.5)
    doc.close()
    doc.open("Nose", f"{prefix}-Nose")
    doc.stroke(fl(P().M(626, 340).C(622, 342, 618, 340, 616, 336)), INK, 4)
    doc.fill(fl(ellipse(638, 330, 3.5, 5)), "#fbe3d0")
    doc.close()
    doc.open(f"{near} Eyebrow", f"{prefix}-{near}-Eyebrow")
    doc.fill(fl(P().M(560, 250).C(570, 234, 596, 228, 618, 236).C(620, 238, 620, 242, 616, 242).C(598, 240, 580, 244, 562, 256).Z()), BROW)
    doc.close()
    doc.open(f"{near} Eye", f"{prefix}-{near}-Eye")
    doc.open(f"{near} Eyeball", f"{prefix}-{near}-Eyeball")
    ball = P().M(574, 296).C(580, 280, 596, 272, 610, 276).C(614, 288, 613, 304, 606, 316).C(594, 318, 580, 310, 574, 296).Z()
    doc.fs(fl(ball), EYEW, INK, 5)
    doc.fill(fl(P().M(577, 290).C(584, 280, 600, 276, 609, 280).C(600, 282, 588, 286, 577, 290).Z()), EYESH)
    doc.close()
    doc.open(f"{near} Pupil", f"{prefix}-{near}-Pupil")
    doc.fs(fl(ellipse(602, 296, 9, 17)), IRIS, IRIS_D, 3)
    doc.fill(fl(ellipse(602, 302, 6, 8)), IRIS_L)
    doc.fill(fl(ellipse(604, 296, 5, 9.5)), PUP)
    doc.fill(fl(ellipse(606, 289, 3, 3.5)), EYEW)
    doc.close()
    doc.open_plain()
    doc.stroke(fl(P().M(573, 297).C(580, 280, 596, 272, 611, 275)), INK, 7.5)
    doc.fill(fl(P().M(584, 282).C(574, 280, 564, 274, 558, 264).C(560, 278, 566, 290, 574, 297).Z()), INK)
    doc.close()
    doc.open(f"{near} Blink", f"{prefix}-{near}-Blink")
    doc.fill(fl(P().M(568, 300).C(570, 276, 590, 264, 616, 268).C(620, 288, 618, 310, 608, 322).C(590, 324, 572, 316, 568, 300).Z()), SKIN)
    doc.stroke(fl(P().M(574, 300).C(584, 310, 598, 312, 610, 306)), INK, 7)
    doc.stroke(fl(P().M(578, 288).C(590, 282, 602, 282, 610, 286)), SKIN_SH, 3.5)
    doc.stroke(fl(P().M(580, 306).L(570, 314)), INK, 4)
    doc.stroke(fl(P().M(576, 302).L(564, 306)), INK, 4)
    doc.close()
    doc.close()
    # mouth: (0,0) is the mouth front on the face contour
    doc.open("Mouth", f"{prefix}-Mouth")
    mc = (626, 378)
    M = compose(translate(*mc), F)
    doc.pivot(f"{prefix.lower()}-mouth-pivot", *M(-8, -4))
    def wedge(g, depth, top, bot, ut=0, lt=0, tongue=True, round_=False):
        shape = P().M(-depth, 0).C(-depth * 0.6, top * 0.9, -4, top, 2 + (3 if round_ else 0), top).L(3 + (4 if round_ else 0), bot).C(-4, bot, -depth * 0.6, bot * 0.9, -depth, 0).Z()
        s = shape.map(M)
        doc.fill(s, MIN)
        cid = clip(s)
        inner = []
        if tongue: inner.append((ellipse(-depth * 0.4, bot - 1, depth * 0.55, max(5, bot * 0.35)), TONGUE))
        if ut: inner.append((P().M(-depth * 0.55, top - 8).L(8, top - 8).L(8, top + ut).L(-depth * 0.55, top + ut).Z(), TEETH))
        if lt: inner.append((P().M(-depth * 0.55, bot + 8).L(8, bot + 8).L(8, bot - lt).L(-depth * 0.55, bot - lt).Z(), TEETH))
        for p, col in inner:
            doc.lines.append(f'<path d="{p.map(M).d()}" fill="{col}" clip-path="url(#{cid})"/>')
        doc.stroke(s, INK, 4.5)
    shapes = ['Neutral', 'Smile', 'Surprised', 'Aa', 'D', 'Ee', 'F', 'L', 'M', 'Oh', 'R', 'S', 'Uh', 'W-Oo']
    for name in shapes:
        doc.open(name, f"{prefix}-Mouth-{name}")
        if name == 'Neutral':
            doc.stroke(P().M(-14, 1).C(-8, 2, -2, 2, 3, 0).map(M), INK, 4.5)
        elif name == 'Smile':
            wedge(doc, 22, -3, 14, ut=6)
            doc.stroke(P().M(-26, -6).C(-24, -3, -23, -1, -22, 0).map(M), INK, 3.5)
        elif name == 'Surprised':
            wedge(doc, 16, -6, 26, ut=4, round_=True)
        elif name == 'Aa':
            wedge(doc, 20, -5, 28, ut=5)
        elif name == 'D':
            wedge(doc, 20, -4, 17, ut=5, lt=4)
        elif name == 'Ee':
            wedge(doc, 22, -3, 10, ut=4, lt=4, tongue=False)
        elif name == 'F':
            doc.fill(P().M(-10, -2).L(4, -2).L(4, 5).L(-10, 5).Z().map(M), TEETH)
            doc.stroke(P().M(-10, -2).L(4, -2).L(4, 5).map(M), INK, 3.5)
            doc.stroke(P().M(-12, 6).C(-2, 3, 6, 6, 4, 11).map(M), INK, 4.5)
        elif name == 'L':
            wedge(doc, 18, -4, 20, ut=5)
            doc.fill(ellipse(-5, 3, 6, 5).map(M), TONGUE)
        elif name == 'M':
            doc.stroke(P().M(-14, 1).L(3, 1).map(M), INK, 5.5)
            doc.stroke(P().M(2, -3).C(6, -2, 6, 4, 2, 5).map(M), INK, 3.5)
        elif name == 'Oh':
            wedge(doc, 15, -5, 20, ut=3, round_=True)
        elif name == 'R':
            wedge(doc, 15, -4, 12, ut=4, lt=3, tongue=False, round_=True)
        elif name == 'S':
            wedge(doc, 20, -3, 9, ut=6, lt=5, tongue=False)
        elif name == 'Uh':
            wedge(doc, 17, -2, 14, ut=3)
        elif name == 'W-Oo':
            s = P().M(-2, -6).C(10, -7, 14, 2, 13, 7).C(12, 14, 0, 15, -2, 13).Z().map(M)
            doc.fs(s, LIP, INK, 4.5)
            doc.fill(ellipse(9, 4, 3, 4.5).map(M), MIN)
        doc.close()
    doc.close()
    # the fringe over the forehead
    doc.open_plain()
    fringe = P().M(520, 64).C(596, 66, 642, 112, 642, 176).C(642, 196, 636, 212, 626, 224).C(620, 198, 606, 176, 584, 164) \
        .C(560, 152, 532, 152, 510, 160).C(530, 130, 540, 100, 520, 64).Z()
    doc.fs(fl(fringe), HAIR, INK, 5)
    doc.fill(fl(P().M(556, 86).C(596, 96, 622, 126, 628, 160).C(614, 138, 590, 120, 560, 112).Z()), HL)
    doc.close()
    doc.close()

def main(path):
    svg = open(path).read()
    assert 'Left Profile' not in svg
    doc = Doc()
    view(doc, "Left Profile", "LP", True)
    view(doc, "Right Profile", "RP", False)
    block = "\n".join(doc.lines)
    head_end = svg.rindex("</g>")  # closes Head (the last top-level group)
    svg = svg[:head_end] + block + "\n" + svg[head_end:]
    # clip paths in a defs block right after the title
    t = svg.index("</title>") + len("</title>")
    svg = svg[:t] + "\n<defs>\n" + "\n".join(defs) + "\n</defs>" + svg[t:]
    open(path, 'w').write(svg)

if __name__ == '__main__':
    main(sys.argv[1])
