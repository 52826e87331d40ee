/**
 * The layered render backend on DJL (PyTorch engine): poses the sprites of a loaded character sheet from each
 * {@link org.cuestudio.core.perform.PerformanceFrame} and composes them into RGBA frames with a small TorchScript
 * warp kernel, on the GPU when there is one, else on the CPU. See docs/decisions/0004-renderer-layers-on-djl.md.
 * Single-portrait sheets are warped by a triangle mesh on their landmarks instead ({@code PortraitMesh},
 * {@code PortraitWarper}) and composed by the same kernel; see docs/character-sheets.md, "Single portrait".
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.inference.render;
