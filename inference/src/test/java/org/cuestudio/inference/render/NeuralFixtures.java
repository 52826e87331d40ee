package org.cuestudio.inference.render;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The model folders under src/test/resources/neural (made by src/test/python/make_neural_fixture.py). */
final class NeuralFixtures {
    private NeuralFixtures() {
    }

    /** The fixture model: jawOpen, blinks, head yaw, the seed and the reference picture show in its output. */
    static Path fixture() {
        return folder("fixture");
    }

    /** A model that returns [n, 3, 64, 64]: no alpha. */
    static Path wrongShape() {
        return folder("wrong-shape");
    }

    /** A copy of the fixture in {@code dir}. */
    static Path copyOfFixture(Path dir) throws IOException {
        Path copy = dir.resolve("fixture");
        Files.createDirectories(copy);
        for (String f : new String[] {"model.json", "model.pt", "reference.png"}) {
            Files.copy(fixture().resolve(f), copy.resolve(f));
        }
        return copy;
    }

    private static Path folder(String name) {
        try {
            return Path.of(NeuralFixtures.class.getResource("/neural/" + name + "/model.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
