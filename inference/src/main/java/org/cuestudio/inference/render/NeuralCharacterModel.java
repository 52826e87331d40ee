package org.cuestudio.inference.render;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import org.cuestudio.core.render.CharacterModel;

/**
 * A neural model folder loaded by a {@link NeuralRenderBackend}: its manifest, the TorchScript module and the
 * reference picture on the device ([1, 4, h, w], straight RGBA). Worker-confined apart from the accessors of
 * {@link CharacterModel}; released by its backend.
 */
final class NeuralCharacterModel implements CharacterModel {
    private final NeuralRenderBackend owner;
    private final NeuralManifest manifest;
    private final String contentHash;
    private final Model model;
    private final PtSymbolBlock block;
    private final NDManager arrays;
    private final NDArray reference;

    NeuralCharacterModel(NeuralRenderBackend owner, NeuralManifest manifest, String contentHash, Model model,
            PtSymbolBlock block, NDManager arrays, NDArray reference) {
        this.owner = owner;
        this.manifest = manifest;
        this.contentHash = contentHash;
        this.model = model;
        this.block = block;
        this.arrays = arrays;
        this.reference = reference;
    }

    @Override
    public String name() {
        return manifest.name();
    }

    @Override
    public String contentHash() {
        return contentHash;
    }

    NeuralRenderBackend owner() {
        return owner;
    }

    NeuralManifest manifest() {
        return manifest;
    }

    PtSymbolBlock block() {
        return block;
    }

    NDArray reference() {
        return reference;
    }

    /** Frees the module and the reference picture; on the backend's worker. */
    void release() {
        arrays.close();
        model.close();
    }

    @Override
    public String toString() {
        return "neural model '" + manifest.name() + "' (" + manifest.folder() + ")";
    }
}
