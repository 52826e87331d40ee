#!/usr/bin/env python3
"""Generates the neural-renderer test fixtures of docs/model-contract.md under src/test/resources/neural.

    /usr/bin/python3 inference/src/test/python/make_neural_fixture.py inference/src/test/resources/neural

writes (the .pt files with Debian's python3-torch 1.13, which libtorch 2.7.1 loads, as warp.pt is made):

* fixture/model.pt, fixture/reference.png: a tiny "renderer" with no weights whose output depends visibly on a few
  controls and on the reference image, so tests can check the contract pixel by pixel (64x64 in, 64x64 out):
    - HEAD_YAW (degrees) shifts the whole picture sideways: +90 degrees = a quarter of the width to the right,
      with zeros (transparent) shifted in; the shift is a bilinear grid_sample, so whole pixels at multiples of
      90/16 degrees;
    - jawOpen darkens the mouth box (rows 40..47, columns 24..39): colour times (1 - 0.75 jawOpen);
    - eyeBlinkLeft (the character's left eye, drawn on the viewer's right) paints the eye band (rows 22..27,
      columns 36..47) with the lid colour (0.9, 0.6, 0.5) in proportion; eyeBlinkRight the same on the left
      (columns 16..27);
    - the seed sets the red of the forehead pixel (row 12, column 32) to (seed mod 251) / 250;
    - alpha is the reference's alpha (shifted with the picture); the output is straight RGBA in 0..1.
  The reference picture is a skin-coloured disc (radius 28) on a transparent ground, darker eyes and mouth.
* wrong-shape/model.pt: the same inputs, returns [N, 3, 64, 64] (no alpha) for the error test; its
  reference.png is the fixture's.

The model.json manifests beside them are written by hand and committed. Regenerate only when this contract
changes; the tests' expectations follow the numbers above.
"""
import os
import struct
import sys
import zlib

import torch
import torch.nn.functional as F

SIZE = 64
BLENDSHAPES = 52
HEAD_YAW = BLENDSHAPES + 0
EYE_BLINK_LEFT = 0
EYE_BLINK_RIGHT = 7
JAW_OPEN = 17


class Fixture(torch.nn.Module):
    """Channel indices as in docs/model-contract.md: jawOpen 17, eyeBlinkLeft 0, eyeBlinkRight 7, HEAD_YAW 52."""

    def forward(self, reference: torch.Tensor, controls: torch.Tensor, seed: torch.Tensor) -> torch.Tensor:
        n = controls.shape[0]
        img = reference.expand(n, 4, 64, 64).clone()
        # The mouth box darkens with jawOpen.
        jaw = controls[:, 17].clamp(0.0, 1.0).view(n, 1, 1, 1)
        img[:, 0:3, 40:48, 24:40] = img[:, 0:3, 40:48, 24:40] * (1.0 - 0.75 * jaw)
        # Blinks paint the lid colour over the eye bands (left blendshape = the eye on the viewer's right).
        lid = torch.tensor([0.9, 0.6, 0.5], dtype=img.dtype, device=img.device).view(1, 3, 1, 1)
        bl = controls[:, 0].clamp(0.0, 1.0).view(n, 1, 1, 1)
        br = controls[:, 7].clamp(0.0, 1.0).view(n, 1, 1, 1)
        img[:, 0:3, 22:28, 36:48] = img[:, 0:3, 22:28, 36:48] * (1.0 - bl) + lid * bl
        img[:, 0:3, 22:28, 16:28] = img[:, 0:3, 22:28, 16:28] * (1.0 - br) + lid * br
        # The seed marks the forehead.
        img[:, 0, 12, 32] = torch.remainder(seed, 251).to(img.dtype) / 250.0
        # Head yaw shifts everything sideways: +90 degrees = a quarter of the width to the right.
        shift = controls[:, 52] / 90.0 * 0.5  # in normalised [-1, 1] units: a quarter width is 0.5
        theta = torch.zeros(n, 2, 3, dtype=img.dtype, device=img.device)
        theta[:, 0, 0] = 1.0
        theta[:, 1, 1] = 1.0
        theta[:, 0, 2] = -shift
        grid = F.affine_grid(theta, [n, 4, 64, 64], align_corners=False)
        return F.grid_sample(img, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


class WrongShape(torch.nn.Module):
    def forward(self, reference: torch.Tensor, controls: torch.Tensor, seed: torch.Tensor) -> torch.Tensor:
        n = controls.shape[0]
        return reference[:, 0:3].expand(n, 3, 64, 64).clone()


def reference_picture() -> torch.Tensor:
    """Straight RGBA float [4, 64, 64]: a skin disc, eyes and a mouth, transparent around."""
    ys = torch.arange(SIZE, dtype=torch.float32).view(SIZE, 1) + 0.5
    xs = torch.arange(SIZE, dtype=torch.float32).view(1, SIZE) + 0.5
    inside = ((xs - 32) ** 2 + (ys - 32) ** 2) <= 28.0 ** 2
    img = torch.zeros(4, SIZE, SIZE)
    skin = torch.tensor([0.95, 0.8, 0.7]).view(3, 1, 1)
    img[0:3] = torch.where(inside, skin, torch.zeros(3, 1, 1))
    img[3] = inside.float()
    img[0:3, 22:28, 18:26] = torch.tensor([0.2, 0.3, 0.6]).view(3, 1, 1)   # the eye on the viewer's left
    img[0:3, 22:28, 38:46] = torch.tensor([0.2, 0.3, 0.6]).view(3, 1, 1)   # the eye on the viewer's right
    img[0:3, 42:46, 26:38] = torch.tensor([0.8, 0.3, 0.3]).view(3, 1, 1)   # lips
    return img


def write_png(path: str, rgba: torch.Tensor) -> None:
    """Writes straight RGBA float [4, h, w] as an 8-bit RGBA PNG (no dependencies beyond zlib)."""
    h, w = rgba.shape[1], rgba.shape[2]
    px = (rgba.clamp(0, 1) * 255 + 0.5).to(torch.uint8).permute(1, 2, 0).contiguous()
    raw = b"".join(b"\x00" + bytes(px[y].flatten().tolist()) for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main(root: str) -> None:
    fixture_dir = os.path.join(root, "fixture")
    wrong_dir = os.path.join(root, "wrong-shape")
    os.makedirs(fixture_dir, exist_ok=True)
    os.makedirs(wrong_dir, exist_ok=True)
    ref = reference_picture()
    # What the backend feeds: the PNG's 8-bit values / 255.
    ref8 = ((ref.clamp(0, 1) * 255 + 0.5).floor() / 255).unsqueeze(0)

    fixture = torch.jit.script(Fixture())
    controls = torch.zeros(3, BLENDSHAPES + 18)
    controls[1, JAW_OPEN] = 1.0
    controls[2, HEAD_YAW] = 90.0 / 16 * 4  # four pixels right
    seed = torch.tensor([0, 7, 300], dtype=torch.int64)
    out = fixture(ref8, controls, seed)
    assert list(out.shape) == [3, 4, SIZE, SIZE], out.shape
    assert torch.allclose(out[0, 3], ref8[0, 3], atol=1e-5), "alpha is the reference's"
    assert out[1, 0, 44, 30] < out[0, 0, 44, 30] * 0.3, "jawOpen darkens the mouth"
    assert torch.allclose(out[2, 1:4, :, 10:60], out[0, 1:4, :, 6:56], atol=1e-5), "yaw shifts right"
    assert abs(out[2, 0, 12, 36].item() - (300 % 251) / 250.0) < 1e-6, "the seed marks the forehead"
    torch.jit.save(fixture, os.path.join(fixture_dir, "model.pt"))
    write_png(os.path.join(fixture_dir, "reference.png"), ref)

    wrong = torch.jit.script(WrongShape())
    assert list(wrong(ref8, controls, seed).shape) == [3, 3, SIZE, SIZE]
    torch.jit.save(wrong, os.path.join(wrong_dir, "model.pt"))
    write_png(os.path.join(wrong_dir, "reference.png"), ref)
    print("wrote", fixture_dir, "and", wrong_dir, "with torch", torch.__version__)


if __name__ == "__main__":
    # TorchScript keeps the source file's name in its debug info. Run this file again as a module compiled under its
    # bare name from its own folder, so the .pt files do not depend on where the repository is checked out and
    # regenerate byte for byte.
    import types
    out_root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "neural")
    here = os.path.dirname(os.path.abspath(__file__))
    name = os.path.basename(__file__)
    os.chdir(here)
    module = types.ModuleType("make_neural_fixture")
    module.__file__ = name
    sys.modules["make_neural_fixture"] = module
    with open(name) as f:
        exec(compile(f.read(), name, "exec"), module.__dict__)
    module.main(out_root)
