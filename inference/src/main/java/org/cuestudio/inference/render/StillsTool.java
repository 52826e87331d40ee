package org.cuestudio.inference.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.inference.sheet.CharacterSheetLoader;

/**
 * Writes PNG stills of a character sheet in a set of test poses (a single portrait gets its own set), for an artist or developer to look at: each pose
 * as a 640x360 preview and a 1920x1080 final, plus a labelled contact sheet of the previews.
 *
 * <p>Usage: {@code StillsTool <sheet folder> <output folder>}.
 */
public final class StillsTool {
    private StillsTool() {
    }

    /** The poses the tool renders, by file name. */
    static Map<String, PerformanceFrame> poses() {
        Map<String, PerformanceFrame> p = new LinkedHashMap<>();
        p.put("neutral", new FrameBuilder().set(Channel.BREATH, 0.5).build());
        p.put("joy", new FrameBuilder().set(ArkitBlendshape.mouthSmileLeft, 0.8).set(ArkitBlendshape.mouthSmileRight, 0.8)
                .set(ArkitBlendshape.browInnerUp, 0.6).set(ArkitBlendshape.browOuterUpLeft, 0.7)
                .set(ArkitBlendshape.browOuterUpRight, 0.7).set(Channel.HEAD_PITCH, 5).build());
        p.put("blink", new FrameBuilder().blink(1).build());
        p.put("mouth-A", new FrameBuilder().mouth(MouthShape.A).build());
        p.put("mouth-D", new FrameBuilder().mouth(MouthShape.D).set(ArkitBlendshape.jawOpen, 0.7).build());
        p.put("mouth-F", new FrameBuilder().mouth(MouthShape.F).build());
        p.put("mouth-B-Ee", new FrameBuilder().mouth(MouthShape.B, org.cuestudio.core.model.AnimatorMouth.EE).build());
        p.put("mouth-E-R", new FrameBuilder().mouth(MouthShape.E, org.cuestudio.core.model.AnimatorMouth.R).build());
        p.put("mouth-C-Uh", new FrameBuilder().mouth(MouthShape.C, org.cuestudio.core.model.AnimatorMouth.UH)
                .set(ArkitBlendshape.jawOpen, 0.35).build());
        p.put("gaze-left", new FrameBuilder().gaze(-35, 0).build());
        p.put("gaze-right", new FrameBuilder().gaze(35, 5).build());
        p.put("yaw-25", new FrameBuilder().set(Channel.HEAD_YAW, 25).gaze(10, 0).build());
        p.put("yaw-12-crossfade", new FrameBuilder().set(Channel.HEAD_YAW, -12).build());
        p.put("roll-8", new FrameBuilder().set(Channel.HEAD_ROLL, 8).build());
        p.put("angry", new FrameBuilder().set(ArkitBlendshape.browDownLeft, 1).set(ArkitBlendshape.browDownRight, 1)
                .mouth(MouthShape.B).set(Channel.HEAD_PITCH, -8).build());
        p.put("sad", new FrameBuilder().set(ArkitBlendshape.browInnerUp, 0.8).set(ArkitBlendshape.mouthFrownLeft, 0.65)
                .set(ArkitBlendshape.mouthFrownRight, 0.65).set(Channel.HEAD_PITCH, -6).build());
        p.put("wave-left", new FrameBuilder().set(Channel.LEFT_SHOULDER, 100).set(Channel.LEFT_ELBOW, 40)
                .set(Channel.LEFT_WRIST, 10).leftHand(HandPose.WAVE).mouth(MouthShape.C).build());
        p.put("point-right", new FrameBuilder().set(Channel.RIGHT_SHOULDER, 60).set(Channel.RIGHT_ELBOW, 20)
                .rightHand(HandPose.POINT).set(Channel.BODY_LEAN, -3).set(Channel.HEAD_YAW, 20).gaze(25, 0).build());
        p.put("lean-breath-forward", new FrameBuilder().set(Channel.BODY_LEAN, 6).set(Channel.BREATH, 1)
                .set(Channel.BODY_FORWARD, 1).set(Channel.HEAD_ROLL, -4).build());
        return p;
    }

    /**
     * The poses for a single-portrait sheet: what its mesh warp animates (issue 6's list: neutral, blink, smile,
     * frown, jaw open on 'Aa', closed 'M', turns of 20 degrees both ways, tilt, nod, brows up and down).
     */
    static Map<String, PerformanceFrame> portraitPoses() {
        Map<String, PerformanceFrame> p = new LinkedHashMap<>();
        p.put("neutral", new FrameBuilder().set(Channel.BREATH, 0.5).build());
        p.put("blink", new FrameBuilder().blink(1).build());
        p.put("half-blink", new FrameBuilder().blink(0.5).build());
        p.put("smile", new FrameBuilder().set(ArkitBlendshape.mouthSmileLeft, 0.9).set(ArkitBlendshape.mouthSmileRight, 0.9)
                .set(ArkitBlendshape.eyeSquintLeft, 0.4).set(ArkitBlendshape.eyeSquintRight, 0.4).build());
        p.put("frown", new FrameBuilder().set(ArkitBlendshape.mouthFrownLeft, 0.9).set(ArkitBlendshape.mouthFrownRight, 0.9)
                .set(ArkitBlendshape.browInnerUp, 0.6).build());
        p.put("jaw-open-Aa", new FrameBuilder().mouth(MouthShape.D).set(ArkitBlendshape.jawOpen, 0.8).build());
        p.put("mouth-M", new FrameBuilder().mouth(MouthShape.A).build());
        p.put("mouth-Oh", new FrameBuilder().mouth(MouthShape.E).build());
        p.put("mouth-W-Oo", new FrameBuilder().mouth(MouthShape.F).set(ArkitBlendshape.mouthPucker, 0.6).build());
        p.put("turn-left-20", new FrameBuilder().set(Channel.HEAD_YAW, -20).build());
        p.put("turn-right-20", new FrameBuilder().set(Channel.HEAD_YAW, 20).build());
        p.put("tilt-10", new FrameBuilder().set(Channel.HEAD_ROLL, 10).build());
        p.put("nod-up-12", new FrameBuilder().set(Channel.HEAD_PITCH, 12).build());
        p.put("nod-down-12", new FrameBuilder().set(Channel.HEAD_PITCH, -12).build());
        p.put("brows-up", new FrameBuilder().set(ArkitBlendshape.browInnerUp, 1).set(ArkitBlendshape.browOuterUpLeft, 1)
                .set(ArkitBlendshape.browOuterUpRight, 1).set(ArkitBlendshape.eyeWideLeft, 0.5)
                .set(ArkitBlendshape.eyeWideRight, 0.5).build());
        p.put("brows-down", new FrameBuilder().set(ArkitBlendshape.browDownLeft, 1).set(ArkitBlendshape.browDownRight, 1)
                .mouth(MouthShape.B).build());
        p.put("talk-turn-lean", new FrameBuilder().mouth(MouthShape.C).set(Channel.HEAD_YAW, 12).set(Channel.HEAD_ROLL, -5)
                .set(Channel.BODY_LEAN, 4).set(Channel.BREATH, 1).set(ArkitBlendshape.mouthSmileLeft, 0.4)
                .set(ArkitBlendshape.mouthSmileRight, 0.4).build());
        return p;
    }

    public static void main(String[] args) throws IOException, CharacterSheetException {
        if (args.length != 2) {
            System.err.println("usage: StillsTool <sheet folder> <output folder>");
            System.exit(2);
        }
        Path sheet = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        boolean portrait = CharacterSheetLoader.load(sheet).portrait() != null;
        Map<String, PerformanceFrame> poses = portrait ? portraitPoses() : poses();
        List<PerformanceFrame> frames = new ArrayList<>(poses.values());
        List<String> names = new ArrayList<>(poses.keySet());
        try (DjlRenderBackend backend = new DjlRenderBackend()) {
            CharacterModel model = backend.loadCharacter(sheet);
            for (Resolution r : List.of(Resolution.PREVIEW, Resolution.HD)) {
                Quality q = r.equals(Resolution.PREVIEW) ? Quality.PREVIEW : Quality.FINAL;
                long t0 = System.nanoTime();
                List<RgbaImage> images = backend.render(model, frames,
                        new RenderSettings(r, q, RenderSettings.DEFAULT_BACKGROUND), CancellationToken.NONE);
                System.out.printf("%s %s: %d stills in %.0f ms (first use includes rasterising the sprites)%n", r,
                        q.id(), images.size(), (System.nanoTime() - t0) / 1e6);
                for (int i = 0; i < images.size(); i++) {
                    ImageIO.write(toImage(images.get(i)), "png", out.resolve(names.get(i) + "-" + r + ".png").toFile());
                }
                if (q == Quality.PREVIEW) ImageIO.write(contactSheet(images, names), "png", out.resolve("contact-" + r + ".png").toFile());
            }
            List<RgbaImage> alpha = backend.render(model, List.of(poses.get("neutral")),
                    new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0), CancellationToken.NONE);
            ImageIO.write(toImage(alpha.get(0)), "png", out.resolve("neutral-transparent-" + Resolution.PREVIEW + ".png").toFile());
        }
        System.out.println("stills written to " + out.toAbsolutePath());
    }

    /** The image as a Java2D image with straight alpha. */
    static BufferedImage toImage(RgbaImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[img.width() * img.height()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) argb[y * img.width() + x] = img.argbAt(x, y);
        }
        b.setRGB(0, 0, img.width(), img.height(), argb, 0, img.width());
        return b;
    }

    private static BufferedImage contactSheet(List<RgbaImage> images, List<String> names) {
        int cols = 4;
        int rows = (images.size() + cols - 1) / cols;
        int w = images.get(0).width();
        int h = images.get(0).height();
        BufferedImage sheet = new BufferedImage(cols * w, rows * (h + 20), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < images.size(); i++) {
            int x = (i % cols) * w;
            int y = (i / cols) * (h + 20);
            g.drawImage(toImage(images.get(i)), x, y + 20, null);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 6, y + 15);
        }
        g.dispose();
        return sheet;
    }
}
