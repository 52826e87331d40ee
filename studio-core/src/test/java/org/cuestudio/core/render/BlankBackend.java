package org.cuestudio.core.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.task.CancellationToken;

/**
 * A render backend for tests that count frames and segments rather than look at pixels: every frame is a blank
 * 16x16 image of one stand-in character. {@link #frame} runs before each frame is drawn (a test may count it,
 * or cancel there), and the cancellation token is checked between frames as a real backend does.
 */
public class BlankBackend implements RenderBackend {
    /** The stand-in character every sheet folder loads as. */
    public static final CharacterModel CHARACTER = new CharacterModel() {
        @Override
        public String name() {
            return "Test";
        }

        @Override
        public String contentHash() {
            return "c0ffee";
        }
    };

    @Override
    public String id() {
        return "blank";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String device() {
        return "cpu()";
    }

    @Override
    public CharacterModel loadCharacter(Path sheetFolder) {
        return CHARACTER;
    }

    @Override
    public List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames, RenderSettings settings,
            CancellationToken cancel) {
        List<RgbaImage> out = new ArrayList<>(frames.size());
        for (PerformanceFrame f : frames) {
            frame(f);
            cancel.throwIfCancelled();
            out.add(new RgbaImage(16, 16, new byte[16 * 16 * 4]));
        }
        return out;
    }

    /** Called before each frame is drawn; nothing by default. */
    protected void frame(PerformanceFrame f) {}

    @Override
    public void close() {}
}
