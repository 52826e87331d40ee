#!/usr/bin/env python3
"""Generates portrait_warp.pt, the TorchScript kernel that warps a single portrait (org.cuestudio.inference.render).

DJL's public NDArray API has no grid_sample (a gather-based bilinear warp with public ops was measured 10x slower,
see STACK-NOTES.md), so the portrait renderer builds its per-pixel source-coordinate field from the triangle mesh
in Java and runs this small scripted module for the sampling, as the layer compositor does with warp.pt.

    /usr/bin/python3 inference/src/main/python/make_portrait_kernel.py \
        inference/src/main/resources/org/cuestudio/inference/render/portrait_warp.pt

The module has no parameters; the file is a few kilobytes and is committed.
"""
import sys

import torch
import torch.nn.functional as F


class PortraitWarp(torch.nn.Module):
    """forward(source, grid) -> patch.

    source: float [4, h, w], the premultiplied RGBA portrait (with its mouth interior below it) at output scale.
    grid:   float [bh, bw, 2], for every output pixel the source point it shows, normalised as grid_sample wants
            (align_corners=False: -1 and 1 are the outer edges of the source); points outside give transparent pixels.
    patch:  float [4, bh, bw], premultiplied RGBA, sampled bilinearly.
    """

    def forward(self, source: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
        return F.grid_sample(source.unsqueeze(0), grid.unsqueeze(0), mode="bilinear", padding_mode="zeros",
                             align_corners=False)[0]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "portrait_warp.pt"
    scripted = torch.jit.script(PortraitWarp())
    # Self-check: the identity field copies a 2x2 source exactly; a point outside is transparent.
    src = torch.arange(16, dtype=torch.float32).reshape(4, 2, 2)
    grid = torch.tensor([[[-0.5, -0.5], [0.5, -0.5]], [[-0.5, 0.5], [3.0, 3.0]]])
    patch = scripted(src, grid)
    assert torch.allclose(patch[:, 0, 0], src[:, 0, 0]), patch
    assert torch.allclose(patch[:, 1, 0], src[:, 1, 0]), patch
    assert patch[:, 1, 1].abs().sum().item() == 0, patch
    torch.jit.save(scripted, out)
    print("wrote", out, "with torch", torch.__version__)


if __name__ == "__main__":
    main()
