/**
 * The layered render backend on DJL (PyTorch engine): poses the sprites of a loaded character sheet from each
 * {@link org.cuestudio.core.perform.PerformanceFrame} and composes them into RGBA frames with a small TorchScript
 * warp kernel, on the GPU when there is one, else on the CPU. See docs/decisions/0004-renderer-layers-on-djl.md.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.inference.render;
