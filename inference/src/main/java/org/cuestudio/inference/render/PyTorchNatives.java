package org.cuestudio.inference.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code cue doctor} says about PyTorch's native library: which libtorch is loaded and where it came from, what
 * the environment asked for and whether it was used, whether DJL may download anything, and, when rendering runs on
 * the CPU, why and how to enable a GPU. Pure, so every case is testable on a machine without a GPU.
 *
 * <p>DJL loads the libtorch named by {@code PYTORCH_LIBRARY_PATH} when that folder holds one, else the CPU build
 * bundled in the {@code pytorch-native-cpu} jar (unpacked into DJL's cache). The CUDA JNI for
 * {@value #CUDA_FLAVOUR} is already in {@code pytorch-jni}; CUDA builds of libtorch are not on Maven Central, and
 * with {@code ai.djl.offline=true} DJL never downloads one. See docs/gpu.md.
 */
final class PyTorchNatives {
    /** The libtorch version the bundled natives and JNI are built for; a CUDA libtorch must be this version. */
    static final String PINNED_VERSION = "2.7.1";
    /** The CUDA flavour whose JNI library ships in pytorch-jni (Linux x86_64). */
    static final String CUDA_FLAVOUR = "cu128";

    private static final Pattern FLAVOUR = Pattern.compile("(?:^|[-+_])(cpu|cu\\d{2,4}|rocm[\\d.]*)(?:$|[-_/])");

    private PyTorchNatives() {}

    /**
     * The doctor's rows.
     *
     * @param loadedPath the folder of the libtorch DJL loaded ({@code LibUtils.getLibtorchPath()}'s folder), or null
     * @param env the process environment (only the PYTORCH_* variables are read)
     * @param offline whether {@code ai.djl.offline} is true
     * @param cudaGpus GPUs the CUDA driver reports
     * @param torchGpus GPUs PyTorch can use
     * @param onGpu whether the backend renders on a GPU
     */
    static Map<String, String> report(@Nullable String loadedPath, Map<String, String> env, boolean offline,
            int cudaGpus, int torchGpus, boolean onGpu) {
        Map<String, String> rows = new LinkedHashMap<>();
        String libs = blankToNull(env.get("PYTORCH_LIBRARY_PATH"));
        String flavourAsked = blankToNull(env.get("PYTORCH_FLAVOR"));
        boolean fromLibs = loadedPath != null && libs != null && startsWithAny(loadedPath, libs);
        String loadedFlavour = loadedPath == null ? "unknown"
                : fromLibs && flavourAsked != null ? flavourAsked : flavour(loadedPath);
        String source = fromLibs ? "from PYTORCH_LIBRARY_PATH"
                : "cpu".equals(loadedFlavour) ? "the bundled pytorch-native-cpu " + PINNED_VERSION
                : "from DJL's cache";
        rows.put("native library", (loadedPath == null ? "not loaded" : loadedPath) + " (" + loadedFlavour + ", "
                + source + ")");
        if (libs != null || flavourAsked != null) {
            StringBuilder asked = new StringBuilder();
            if (libs != null) asked.append("PYTORCH_LIBRARY_PATH=").append(libs);
            if (flavourAsked != null) {
                if (!asked.isEmpty()) asked.append(' ');
                asked.append("PYTORCH_FLAVOR=").append(flavourAsked);
            }
            if (libs != null && !fromLibs) {
                asked.append(": not used, no libtorch found there; the bundled CPU library was loaded instead");
            } else if (!onGpu && flavourAsked != null && !flavourAsked.startsWith("cpu")) {
                asked.append(": not used, ").append(cudaGpus == 0 ? "no CUDA GPU or driver" : "PyTorch cannot use the GPU")
                        .append("; rendering on the CPU");
            }
            rows.put("requested", asked.toString());
        }
        rows.put("downloads", offline
                ? "off (ai.djl.offline=true): only the installed natives and PYTORCH_LIBRARY_PATH are used"
                : "on (ai.djl.offline=false): DJL may download a libtorch for PYTORCH_FLAVOR");
        rows.put("gpus", cudaGpus + " found by CUDA, " + torchGpus + " usable by PyTorch");
        if (onGpu) return rows;
        String why;
        if (cudaGpus == 0) {
            why = "no CUDA GPU or driver found on this machine";
        } else if (torchGpus == 0) {
            why = "the loaded libtorch is a CPU build";
        } else {
            why = "PyTorch could not start on the GPU (see the log); the CPU is used";
        }
        rows.put("why no gpu", why);
        rows.put("to use a gpu", howToEnable());
        return rows;
    }

    /** One line a user can act on; docs/gpu.md has the steps. */
    static String howToEnable() {
        return "install an NVIDIA driver for CUDA 12.8 and unpack a CUDA build of libtorch " + PINNED_VERSION
                + " (" + CUDA_FLAVOUR + ", cxx11 ABI), then start cue with PYTORCH_LIBRARY_PATH=<libtorch>/lib "
                + "PYTORCH_FLAVOR=" + CUDA_FLAVOUR + " PYTORCH_VERSION=" + PINNED_VERSION
                + "; without them the bundled CPU library is used (docs/gpu.md)";
    }

    /** The flavour in a libtorch folder's name, e.g. {@code 2.7.1-20250812-cpu-linux-x86_64} gives {@code cpu}. */
    static String flavour(String path) {
        String name = path.replace('\\', '/');
        int slash = name.lastIndexOf('/', name.length() - 2);
        String last = slash >= 0 ? name.substring(slash + 1) : name;
        Matcher m = FLAVOUR.matcher(last);
        if (m.find()) return m.group(1);
        m = FLAVOUR.matcher(name);
        return m.find() ? m.group(1) : "unknown";
    }

    private static boolean startsWithAny(String path, String pathList) {
        for (String p : pathList.split(java.io.File.pathSeparator)) {
            if (!p.isBlank() && path.startsWith(p.endsWith("/") ? p.substring(0, p.length() - 1) : p)) return true;
        }
        return false;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
