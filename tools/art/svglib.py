"""Tiny SVG path toolkit for generating character sheets: absolute paths that can be mapped point by point."""
import math

def fmt(v):
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s

class P:
    """A path: list of (cmd, [points])."""
    def __init__(self, segs=None):
        self.segs = segs or []
    def M(self, x, y): self.segs.append(('M', [(x, y)])); return self
    def L(self, x, y): self.segs.append(('L', [(x, y)])); return self
    def C(self, x1, y1, x2, y2, x, y): self.segs.append(('C', [(x1, y1), (x2, y2), (x, y)])); return self
    def Q(self, x1, y1, x, y):
        # store as cubic
        x0, y0 = self.last()
        return self.C(x0 + 2/3*(x1-x0), y0 + 2/3*(y1-y0), x + 2/3*(x1-x), y + 2/3*(y1-y), x, y)
    def Z(self): self.segs.append(('Z', [])); return self
    def last(self):
        for c, pts in reversed(self.segs):
            if pts: return pts[-1]
        return (0, 0)
    def map(self, f):
        return P([(c, [f(x, y) for (x, y) in pts]) for c, pts in self.segs])
    def d(self):
        out = []
        for c, pts in self.segs:
            out.append(c + (" " + " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts) if pts else ""))
        return " ".join(out)
    def __add__(self, o): return P(self.segs + o.segs)

def poly(points, closed=True, smooth=True, tension=1.0):
    """Path through points; smooth = Catmull-Rom as cubics."""
    p = P()
    n = len(points)
    p.M(*points[0])
    if not smooth:
        for q in points[1:]: p.L(*q)
        if closed: p.Z()
        return p
    rng = range(n) if closed else range(n - 1)
    for i in rng:
        p0 = points[(i - 1) % n] if (closed or i > 0) else points[i]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if (closed or i + 2 < n) else points[(i + 1) % n]
        t = tension / 6
        p.C(p1[0] + (p2[0]-p0[0])*t, p1[1] + (p2[1]-p0[1])*t, p2[0] - (p3[0]-p1[0])*t, p2[1] - (p3[1]-p1[1])*t, p2[0], p2[1])
    if closed: p.Z()
    return p

def ellipse(cx, cy, rx, ry, rot=0):
    k = 0.5523
    pts = [(cx + rx, cy), (cx, cy + ry), (cx - rx, cy), (cx, cy - ry)]
    p = P().M(cx + rx, cy)
    p.C(cx + rx, cy + k*ry, cx + k*rx, cy + ry, cx, cy + ry)
    p.C(cx - k*rx, cy + ry, cx - rx, cy + k*ry, cx - rx, cy)
    p.C(cx - rx, cy - k*ry, cx - k*rx, cy - ry, cx, cy - ry)
    p.C(cx + k*rx, cy - ry, cx + rx, cy - k*ry, cx + rx, cy)
    p.Z()
    if rot:
        return p.map(rotate_about(cx, cy, rot))
    return p

def rotate_about(cx, cy, deg):
    a = math.radians(deg); c, s = math.cos(a), math.sin(a)
    return lambda x, y: (cx + (x-cx)*c - (y-cy)*s, cy + (x-cx)*s + (y-cy)*c)

def translate(dx, dy):
    return lambda x, y: (x + dx, y + dy)

def scale_about(cx, cy, sx, sy=None):
    sy = sx if sy is None else sy
    return lambda x, y: (cx + (x-cx)*sx, cy + (y-cy)*sy)

def mirror(x, y):
    return (1000 - x, y)

def compose(*fs):
    def g(x, y):
        for f in fs: x, y = f(x, y)
        return (x, y)
    return g

def capsule(ax, ay, bx, by, ra, rb=None):
    """Rounded limb from A (radius ra) to B (radius rb)."""
    rb = ra if rb is None else rb
    dx, dy = bx-ax, by-ay
    L = math.hypot(dx, dy); ux, uy = dx/L, dy/L; nx, ny = -uy, ux
    k = 0.5523
    p = P().M(ax + nx*ra, ay + ny*ra)
    p.L(bx + nx*rb, by + ny*rb)
    p.C(bx + nx*rb + ux*rb*k, by + ny*rb + uy*rb*k, bx + ux*rb + nx*rb*k, by + uy*rb + ny*rb*k, bx + ux*rb, by + uy*rb)
    p.C(bx + ux*rb - nx*rb*k, by + uy*rb - ny*rb*k, bx - nx*rb + ux*rb*k, by - ny*rb + uy*rb*k, bx - nx*rb, by - ny*rb)
    p.L(ax - nx*ra, ay - ny*ra)
    p.C(ax - nx*ra - ux*ra*k, ay - ny*ra - uy*ra*k, ax - ux*ra - nx*ra*k, ay - uy*ra - ny*ra*k, ax - ux*ra, ay - uy*ra)
    p.C(ax - ux*ra + nx*ra*k, ay - uy*ra + ny*ra*k, ax + nx*ra - ux*ra*k, ay + ny*ra - uy*ra*k, ax + nx*ra, ay + ny*ra)
    return p.Z()

class Doc:
    def __init__(self):
        self.lines = []
        self.ids = set()
    def uid(self, base):
        i, u = 1, base
        while u in self.ids:
            i += 1; u = f"{base}-{i}"
        self.ids.add(u)
        return u
    def open(self, label, id_=None, extra=""):
        id_ = self.uid(id_ or label.replace(' ', '-'))
        self.lines.append(f'<g id="{id_}" inkscape:label="{label}"{extra}>')
    def open_plain(self):
        self.lines.append('<g>')
    def close(self):
        self.lines.append('</g>')
    def pivot(self, name, x, y):
        self.lines.append(f'<circle id="{self.uid(name)}" inkscape:label="pivot" cx="{fmt(x)}" cy="{fmt(y)}" r="4" fill="none" stroke="none"/>')
    def fill(self, p, color, opacity=None):
        if p is None: return
        op = f' fill-opacity="{opacity}"' if opacity is not None else ''
        self.lines.append(f'<path d="{p.d()}" fill="{color}"{op}/>')
    def stroke(self, p, color, w, opacity=None, fill="none"):
        op = f' stroke-opacity="{opacity}"' if opacity is not None else ''
        self.lines.append(f'<path d="{p.d()}" fill="{fill}" stroke="{color}" stroke-width="{w}" stroke-linejoin="round" stroke-linecap="round"{op}/>')
    def fs(self, p, color, scolor, w):
        self.lines.append(f'<path d="{p.d()}" fill="{color}" stroke="{scolor}" stroke-width="{w}" stroke-linejoin="round" stroke-linecap="round"/>')
    def text(self):
        return "\n".join(self.lines)
