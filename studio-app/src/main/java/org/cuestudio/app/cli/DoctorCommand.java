package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cuestudio.core.export.MediaCodecProvider;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.format.cache.CacheBudget;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cue doctor}: reports what this machine gives the studio (Java, OS, cores, heap, the render backend and
 * its device, threads and GPUs, the media codecs, the cache budget) and ends with {@code ok} or the problems found;
 * exit status 1 when the studio cannot render or export here.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Reports Java, the OS, cores and heap, the render backends found and the one in use (engine, device, threads, "
                + "the libtorch loaded and where from, whether downloads are off, GPUs and how to enable one: docs/gpu.md), the media codecs and the cache budget, then 'ok' or the problems found.")
public final class DoctorCommand implements Callable<Integer> {
    /** Below this maximum heap, 1080p finals may run out of memory. */
    static final long MIN_HEAP_MB = 1024;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();

        section(out, "system");
        row(out, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        row(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        row(out, "cores", Integer.toString(rt.availableProcessors()));
        long maxHeapMb = rt.maxMemory() >> 20;
        row(out, "max heap", maxHeapMb + " MB");
        if (maxHeapMb < MIN_HEAP_MB) {
            problems.add("the maximum heap is " + maxHeapMb + " MB; 1080p finals need about " + MIN_HEAP_MB
                    + " MB (CUE_JAVA_OPTS=-Xmx2g)");
        }

        section(out, "renderer");
        try {
            row(out, "backends", backends(System.getProperty(RenderBackendProvider.PROPERTY)));
        } catch (RuntimeException | LinkageError e) {
            problems.add("render backends: " + Errors.describe(e));
        }
        Map<String, String> render = new LinkedHashMap<>();
        try (RenderBackend backend = RenderBackendProvider.createBest()) {
            render.putAll(backend.diagnostics());
        } catch (RuntimeException | LinkageError e) {
            problems.add("no render backend: " + Errors.describe(e) + torchOverrideHint(System.getenv()));
        }
        render.forEach((k, v) -> row(out, k, v));

        section(out, "media");
        try {
            Map<String, String> media = MediaCodecProvider.load().diagnostics();
            media.forEach((k, v) -> row(out, k, v));
            media.forEach((k, v) -> {
                if (v.startsWith("missing") || v.startsWith("cannot")) problems.add(k + ": " + v);
            });
        } catch (RuntimeException | LinkageError e) {
            problems.add("no media codecs: " + Errors.describe(e));
        }

        section(out, "cache");
        String set = System.getProperty(CacheBudget.PROPERTY);
        row(out, "budget", CacheBudget.format(CacheBudget.configured()) + (set == null || set.isBlank()
                ? " (default; -D" + CacheBudget.PROPERTY + "=SIZE to change)"
                : " (-D" + CacheBudget.PROPERTY + "=" + set + ")"));

        out.println();
        if (problems.isEmpty()) {
            out.println("ok");
        } else {
            out.println("problems:");
            problems.forEach(p -> out.println("  - " + p));
        }
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    /**
     * The render backends on the class path, highest rank first, the one in use marked, and how to select another:
     * e.g. {@code djl-layers (rank 100, in use), neural-torchscript (rank 10, -Dcue.render.backend=neural-torchscript)}.
     */
    static String backends(@Nullable String chosen) {
        List<RenderBackendProvider> all = RenderBackendProvider.available();
        if (all.isEmpty()) return "none found";
        String used;
        try {
            used = RenderBackendProvider.select(chosen).id();
        } catch (IllegalStateException e) {
            used = null;
        }
        List<String> parts = new ArrayList<>();
        for (RenderBackendProvider p : all) {
            parts.add(p.id() + " (rank " + p.rank() + ", " + (p.id().equals(used) ? "in use"
                    : "-D" + RenderBackendProvider.PROPERTY + "=" + p.id()) + ")");
        }
        return String.join(", ", parts);
    }

    /**
     * When PyTorch was pointed at another libtorch (a CUDA build, docs/gpu.md) and the engine then failed to start,
     * how to go back to the bundled CPU library; empty when nothing was overridden.
     */
    static String torchOverrideHint(Map<String, String> env) {
        List<String> set = new ArrayList<>();
        for (String name : List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "PYTORCH_VERSION")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) set.add(name + "=" + v);
        }
        if (set.isEmpty()) return "";
        return " (PyTorch was asked for another libtorch: " + String.join(" ", set) + "; unset "
                + (set.size() == 1 ? "it" : "them") + " to render on the CPU with the bundled library, see docs/gpu.md)";
    }

    private static void section(PrintWriter out, String name) {
        out.println(name);
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "  %-16s %s%n", key, value);
    }
}
