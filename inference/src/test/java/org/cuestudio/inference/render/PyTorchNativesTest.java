package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What doctor says about libtorch and GPUs, for machines this test does not run on. */
class PyTorchNativesTest {
    private static final String BUNDLED = "/home/u/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64";

    @ParameterizedTest
    @CsvSource({
            "/home/u/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64, cpu",
            "/home/u/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64, cu128",
            "/opt/libtorch-2.7.1+cu128/lib, cu128",
            "C:\\Users\\u\\.djl.ai\\pytorch\\2.7.1-cpu-win-x86_64, cpu",
            "/opt/libtorch/lib, unknown"})
    void flavourComesFromTheLibraryFolderName(String path, String flavour) {
        assertThat(PyTorchNatives.flavour(path)).isEqualTo(flavour);
    }

    @Test
    void cpuMachineWithNothingSetExplainsHowToEnableAGpu() {
        Map<String, String> r = PyTorchNatives.report(BUNDLED, Map.of(), true, 0, 0, false);
        assertThat(r.get("native library")).isEqualTo(BUNDLED + " (cpu, the bundled pytorch-native-cpu 2.7.1)");
        assertThat(r).doesNotContainKey("requested");
        assertThat(r.get("downloads")).startsWith("off (ai.djl.offline=true)");
        assertThat(r.get("why no gpu")).isEqualTo("no CUDA GPU or driver found on this machine");
        assertThat(r.get("to use a gpu")).contains("libtorch 2.7.1", "PYTORCH_LIBRARY_PATH=<libtorch>/lib",
                "PYTORCH_FLAVOR=cu128", "PYTORCH_VERSION=2.7.1", "bundled CPU library is used", "docs/gpu.md");
    }

    @Test
    void gpuMachineWithTheBundledCpuLibrarySaysTheLibraryIsACpuBuild() {
        Map<String, String> r = PyTorchNatives.report(BUNDLED, Map.of(), true, 1, 0, false);
        assertThat(r.get("gpus")).isEqualTo("1 found by CUDA, 0 usable by PyTorch");
        assertThat(r.get("why no gpu")).isEqualTo("the loaded libtorch is a CPU build");
    }

    @Test
    void aLibraryPathWithoutLibtorchFallsBackToTheBundledCpuLibraryAndSaysSo() {
        Map<String, String> env = Map.of("PYTORCH_LIBRARY_PATH", "/nonexistent", "PYTORCH_FLAVOR", "cu128");
        Map<String, String> r = PyTorchNatives.report(BUNDLED, env, true, 1, 0, false);
        assertThat(r.get("native library")).contains("(cpu, the bundled pytorch-native-cpu 2.7.1)");
        assertThat(r.get("requested")).isEqualTo("PYTORCH_LIBRARY_PATH=/nonexistent PYTORCH_FLAVOR=cu128: not used, "
                + "no libtorch found there; the bundled CPU library was loaded instead");
    }

    @Test
    void aCudaFlavourOnAMachineWithoutAGpuRendersOnTheCpu() {
        Map<String, String> r = PyTorchNatives.report(BUNDLED, Map.of("PYTORCH_FLAVOR", "cu128"), true, 0, 0, false);
        assertThat(r.get("requested")).isEqualTo("PYTORCH_FLAVOR=cu128: not used, no CUDA GPU or driver; rendering on the CPU");
    }

    @Test
    void aCudaLibtorchInUseIsReportedWithoutAdvice() {
        Map<String, String> env = Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib", "PYTORCH_FLAVOR", "cu128");
        Map<String, String> r = PyTorchNatives.report("/opt/libtorch/lib", env, true, 1, 1, true);
        assertThat(r.get("native library")).isEqualTo("/opt/libtorch/lib (cu128, from PYTORCH_LIBRARY_PATH)");
        assertThat(r.get("requested")).isEqualTo("PYTORCH_LIBRARY_PATH=/opt/libtorch/lib PYTORCH_FLAVOR=cu128");
        assertThat(r).doesNotContainKeys("why no gpu", "to use a gpu");
    }

    @Test
    void downloadsAreOnOnlyWhenDjlIsNotOffline() {
        assertThat(PyTorchNatives.report(BUNDLED, Map.of(), false, 0, 0, false).get("downloads"))
                .startsWith("on (ai.djl.offline=false)");
    }
}
