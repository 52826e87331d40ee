package org.cuestudio.inference.lipsync;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * Reverses the time axis (axis 1 of (N, T, C)). With it a bidirectional GRU is built from two forward ones: DJL
 * 0.36's {@code GRU.builder().optBidirectional(true)} fails on the PyTorch engine ("The size of tensor a (384) must
 * match the size of tensor b (128)") because its parameters are laid out for one direction only.
 */
final class ReverseTime extends AbstractBlock {
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            @Nullable PairList<String, Object> params) {
        return new NDList(inputs.head().flip(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]}; // a GRU may also return its state: only the sequence is passed on
    }
}
