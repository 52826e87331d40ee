package org.cuestudio.inference.lipsync;

import ai.djl.nn.Activation;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import java.util.List;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.ndarray.types.Shape;

/**
 * The lip-sync network, built from DJL blocks: input (batch, frames, 80 log-mel bands, normalised); two 1-D
 * convolutions over time (kernel 5, 128 channels, ReLU: about 90 ms of context each side together), one
 * bidirectional GRU of 128 units per direction (two forward GRUs, one on reversed time; see {@link ReverseTime}) (lookahead for anticipation), a linear layer to 9 shape logits per frame
 * (A-H, X). 333,833 parameters (1.3 MB of float32).
 */
public final class LipSyncNet {
    public static final int CHANNELS = 128;
    public static final int HIDDEN = 128;
    public static final int SHAPES = 9;

    private LipSyncNet() {}

    private static Block gru() {
        return GRU.builder().setStateSize(HIDDEN).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    /**
     * The mouth head: from the recurrent layer's 256 features per frame to the {@link AnimatorMouthRules#CLASSES}
     * Character Animator classes (eleven visemes and rest), trained after the network by {@link TrainAnimatorMouths}
     * with the network frozen, so adding it changes none of the shape results.
     */
    public static Block buildMouthHead() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(MOUTH_HIDDEN).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(AnimatorMouthRules.CLASSES).build());
    }

    /** Hidden units of the mouth head. */
    public static final int MOUTH_HIDDEN = 96;

    /**
     * Runs {@code net} (built by {@link #build}) up to its last layer: the recurrent features, (batch, frames,
     * 2 x {@link #HIDDEN}). {@link #shapeLayer} maps them to the shape logits.
     */
    static NDList trunk(Block net, ai.djl.training.ParameterStore ps, NDList x) {
        var layers = net.getChildren().values();
        NDList h = x;
        for (int i = 0; i < layers.size() - 1; i++) h = layers.get(i).forward(ps, h, false);
        return h;
    }

    /** The network's last layer (recurrent features to shape logits). */
    static Block shapeLayer(Block net) {
        return net.getChildren().values().get(net.getChildren().size() - 1);
    }

    public static Block build() {
        return new SequentialBlock()
                .add(new SwapTimeAxis())
                .add(Conv1d.builder().setKernelShape(new Shape(5)).optPadding(new Shape(2)).setFilters(CHANNELS).build())
                .add(Activation.reluBlock())
                .add(Conv1d.builder().setKernelShape(new Shape(5)).optPadding(new Shape(2)).setFilters(CHANNELS).build())
                .add(Activation.reluBlock())
                .add(new SwapTimeAxis())
                .add(new ParallelBlock(list -> new NDList(NDArrays.concat(
                        new NDList(list.get(0).head(), list.get(1).head()), -1)), List.of(
                        gru(),
                        new SequentialBlock().add(new ReverseTime()).add(gru()).add(new ReverseTime()))))
                .add(Linear.builder().setUnits(SHAPES).build());
    }
}
