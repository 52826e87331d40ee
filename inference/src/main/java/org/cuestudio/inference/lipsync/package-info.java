/**
 * The learned lip-sync model: log-mel features, a small convolutional + recurrent network on DJL (PyTorch
 * engine) trained by {@link org.cuestudio.inference.lipsync.TrainLipSync} on synthetic speech with exact phone
 * timing ({@code inference/src/main/lipsync-data/}), and the decoder that turns its per-10-ms shape
 * probabilities into mouth cues. Offered to the studio as a {@link org.cuestudio.core.audio.LipSyncProvider}.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.inference.lipsync;
