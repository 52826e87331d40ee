package org.cuestudio.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.LipSyncProvider;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.audio.RhubarbFormat;
import org.cuestudio.core.export.MediaCodecProvider;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue lipsync AUDIO}: mouth cues for a dialogue recording, as a drop-in for Rhubarb Lip Sync's command line
 * (its TSV and JSON output formats).
 */
@Command(name = "lipsync", mixinStandardHelpOptions = true,
        description = "Analyses dialogue audio (WAV, MP3, M4A/AAC, FLAC, OGG) and prints mouth cues A-H, X "
                + "in Rhubarb Lip Sync's formats.")
public final class LipSyncCommand implements Callable<Integer> {
    /** Output formats, named as Rhubarb names them. */
    public enum Format { tsv, json }

    @Parameters(index = "0", paramLabel = "AUDIO", description = "The dialogue recording.")
    Path audio;

    @Option(names = {"-d", "--dialog"}, paramLabel = "TEXT_FILE",
            description = "The spoken text, one sentence per line (optional).")
    @Nullable Path dialog;

    @Option(names = {"-f", "--format"}, defaultValue = "tsv", description = "tsv (default) or json.")
    Format format = Format.tsv;

    /** What the cues' values are called. */
    public enum Mouths { rhubarb, animator }

    @Option(names = {"-m", "--mouths"}, defaultValue = "rhubarb",
            description = "rhubarb (default): the nine shapes A-H, X; animator: Adobe Character Animator's mouth "
                    + "names (Aa, D, Ee, F, L, M, Oh, R, S, Uh, W-Oo; Neutral at rest).")
    Mouths mouths = Mouths.rhubarb;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    @Nullable Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws AudioDecodeException, IOException {
        String text = dialog == null ? null : Files.readString(dialog, StandardCharsets.UTF_8);
        // The lip-sync network's recurrent layer runs fastest with one PyTorch thread per worker (it splits long
        // clips over two workers itself); the property only counts before the engine starts, which in this
        // one-shot command is now. The studio window keeps the engine's default for rendering.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        AudioClip clip = MediaCodecProvider.load().audioDecoder().decode(audio, 16_000);
        List<MouthCue> cues;
        try (LipSync lipSync = LipSyncProvider.load().create()) {
            cues = lipSync.analyse(clip, text);
        }
        RhubarbFormat.Naming naming = mouths == Mouths.animator ? RhubarbFormat.Naming.ANIMATOR : RhubarbFormat.Naming.RHUBARB;
        String result = switch (format) {
            case tsv -> RhubarbFormat.tsv(cues, clip.durationTicks(), naming);
            case json -> RhubarbFormat.json(cues, audio.toString(), clip.durationTicks(), naming);
        };
        if (out != null) {
            Files.writeString(out, result, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(result);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
