#!/usr/bin/env python3
"""Generates warp.pt, the TorchScript layer compositor used by org.cuestudio.inference.render.

DJL's public NDArray API has no grid_sample, so the renderer runs this small scripted module instead. One call
composes a whole frame: every visible sprite is warped with its own affine transform (affine_grid + bilinear
grid_sample) over its bounding box only, optionally clipped by another sprite's warped alpha (pupils inside
eyeballs), faded by an opacity and composited "over" a premultiplied canvas; the result is returned as straight
(un-premultiplied) 8-bit RGBA, rows top to bottom.

Run with Debian's python3-torch (1.13 scripts modules that libtorch 2.7.1 loads):

    /usr/bin/python3 inference/src/main/python/make_warp_kernel.py \
        inference/src/main/resources/org/cuestudio/inference/render/warp.pt

The module has no parameters; the file is a few kilobytes and is committed. Regenerate it only when the
contract below changes, and bump DjlRenderBackend.VERSION when the pixels it makes change.
"""
import sys
from typing import List

import torch
import torch.nn.functional as F


class LayerCompositor(torch.nn.Module):
    """forward(canvas, out, sprites, ops, thetas, clip_thetas, opacity, background) -> out.

    canvas:      float [4, H, W], scratch space the frame is composed in (premultiplied); overwritten.
    out:         uint8 [H, W, 4], receives the frame as straight (un-premultiplied) RGBA; returned.
    sprites:     list of premultiplied float RGBA sprites, each [4, h, w].
    ops:         int64 [n, 6]: sprite index, clip sprite index (-1 = none; -2 = the sprite is already in canvas
                 pixels, exactly the box's size, and is drawn as it is, unwarped: a warped single portrait), box x0, y0,
                 x1, y1 (exclusive) in canvas pixels; boxes lie inside the canvas and are not empty. Ops are drawn in
                 order, back to front.
    thetas:      float [n, 2, 3]: affine_grid matrices mapping the box's normalised coordinates to the sprite's.
    clip_thetas: float [n, 2, 3]: the same for the clip sprite (ignored where there is none).
    opacity:     float [n].
    background:  float [4, 1, 1] (a colour) or [4, H, W] (a picture), premultiplied RGBA the canvas starts from.

    The caller keeps canvas and out from frame to frame: everything full-frame is done in place, so a frame
    allocates nothing of its size (on small machines, fresh memory costs more in page faults than the maths).
    """

    def forward(self, canvas: torch.Tensor, out: torch.Tensor, sprites: List[torch.Tensor], ops: torch.Tensor,
                thetas: torch.Tensor, clip_thetas: torch.Tensor, opacity: torch.Tensor,
                background: torch.Tensor) -> torch.Tensor:
        canvas.copy_(background.expand_as(canvas))
        rows: List[List[int]] = ops.tolist()
        fade: List[float] = opacity.tolist()
        for i in range(len(rows)):
            row = rows[i]
            s = row[0]
            c = row[1]
            x0 = row[2]
            y0 = row[3]
            x1 = row[4]
            y1 = row[5]
            bh = y1 - y0
            bw = x1 - x0
            if c == -2:
                layer = sprites[s]
            else:
                grid = F.affine_grid(thetas[i:i + 1], [1, 4, bh, bw], align_corners=False)
                layer = F.grid_sample(sprites[s].unsqueeze(0), grid, mode="bilinear", padding_mode="zeros",
                                      align_corners=False)[0]
            if c >= 0:
                clip_grid = F.affine_grid(clip_thetas[i:i + 1], [1, 1, bh, bw], align_corners=False)
                mask = F.grid_sample(sprites[c][3:4].unsqueeze(0), clip_grid, mode="bilinear",
                                     padding_mode="zeros", align_corners=False)[0]
                layer.mul_(mask)
            if fade[i] != 1.0:
                layer.mul_(fade[i])
            region = canvas[:, y0:y1, x0:x1]
            region.mul_(1.0 - layer[3:4]).add_(layer)
        # Un-premultiply and scale to 0..255 in as few passes as possible; copy_ to uint8 truncates, so adding
        # 0.5 first rounds to nearest.
        canvas[0:3].mul_(255.0 / canvas[3:4].clamp(min=1e-6))
        canvas[3:4].mul_(255.0)
        canvas.add_(0.5).clamp_(0.0, 255.5)
        out.copy_(canvas.permute(1, 2, 0))
        return out


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "warp.pt"
    scripted = torch.jit.script(LayerCompositor())
    # A self-check: an identity warp of a 2x2 sprite into the same box copies it exactly.
    sprite = torch.tensor([[[1.0, 0.0], [0.5, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]],
                           [[1.0, 0.0], [0.5, 0.0]]])
    ops = torch.tensor([[0, -1, 0, 0, 2, 2]], dtype=torch.int64)
    theta = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    canvas = torch.empty(4, 2, 2)
    img = scripted(canvas, torch.empty(2, 2, 4, dtype=torch.uint8), [sprite], ops, theta, theta, torch.ones(1),
                   torch.zeros(4, 1, 1))
    assert img[0, 0].tolist() == [255, 0, 0, 255], img
    assert img[1, 0].tolist() == [255, 0, 0, 128], img
    assert img[0, 1].tolist() == [0, 0, 0, 0], img
    # A picture background shows where nothing is drawn.
    picture = torch.zeros(4, 2, 2)
    picture[1, 0, 1] = 0.5
    picture[3, 0, 1] = 0.5
    img = scripted(canvas, torch.empty(2, 2, 4, dtype=torch.uint8), [sprite], ops, theta, theta, torch.ones(1), picture)
    assert img[0, 1].tolist() == [0, 255, 0, 128], img
    # A sprite drawn as it is (clip index -2) lands unchanged in its box.
    direct = torch.tensor([[0, -2, 1, 0, 2, 1]], dtype=torch.int64)
    img = scripted(canvas, torch.empty(2, 2, 4, dtype=torch.uint8), [sprite[:, 0:1, 0:1]], direct, theta, theta,
                   torch.ones(1), torch.zeros(4, 1, 1))
    assert img[0, 1].tolist() == [255, 0, 0, 255], img
    assert img[0, 0].tolist() == [0, 0, 0, 0], img
    torch.jit.save(scripted, out)
    print("wrote", out, "with torch", torch.__version__)


if __name__ == "__main__":
    main()
