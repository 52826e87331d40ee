package org.cuestudio.inference.lipsync;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * Swaps axes 1 and 2 ((N, T, C) to (N, C, T) and back): DJL's convolutions want channels first, its recurrent
 * blocks time first. A {@link ai.djl.nn.LambdaBlock} would do the swap but does not report the swapped output
 * shape, which the next block needs to size its parameters.
 */
final class SwapTimeAxis extends AbstractBlock {
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            @Nullable PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow().swapAxes(1, 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), s.get(2), s.get(1))};
    }
}
