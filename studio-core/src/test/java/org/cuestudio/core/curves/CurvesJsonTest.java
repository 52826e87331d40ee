package org.cuestudio.core.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.junit.jupiter.api.Test;

class CurvesJsonTest {
    @Test
    void smallPerformanceMatchesTheGoldenFile() throws Exception {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("shot", "hello");
        source.put("note", "a \"quoted\" word\\path");
        CurveFixtures.assertMatchesGolden(CurvesJson.toString(CurveFixtures.small(), source), "small-curves.json");
    }

    @Test
    void everyChannelOfTheFrameVectorIsDescribedInOrder() {
        assertThat(CurvesJson.CHANNELS).hasSize(PerformanceFrame.SIZE);
        assertThat(CurvesJson.CHANNELS.get(0).name()).isEqualTo("eyeBlinkLeft");
        assertThat(CurvesJson.CHANNELS.get(Channel.HEAD_YAW.index()).name()).isEqualTo("headYaw");
        assertThat(CurvesJson.CHANNELS.get(Channel.MOUTH_SHAPE.index()).values()).startsWith("A").endsWith("X");
        assertThat(CurvesJson.CHANNELS.get(Channel.LEFT_HAND_POSE.index()).values()).contains("wave");
    }

    @Test
    void everyCurveHasOneValuePerFrame() {
        Performance p = LiveLinkFaceCsvTest.planned();
        String json = CurvesJson.toString(p, Map.of());
        assertThat(json).contains("\"frameCount\": " + p.frameCount() + ",");
        Matcher m = Pattern.compile("\\n {4}\"(\\w+)\": \\[([^\\]]*)\\]").matcher(json);
        int curves = 0;
        while (m.find()) {
            curves++;
            String[] values = m.group(2).split(", ");
            assertThat(values).as(m.group(1)).hasSize(p.frameCount());
            int index = CurvesJson.CHANNELS.stream().map(CurvesJson.ChannelInfo::name).toList().indexOf(m.group(1));
            float last = p.frames().get(p.frameCount() - 1).toArray()[index];
            assertThat(Double.parseDouble(values[p.frameCount() - 1])).isCloseTo(last, within(5.1e-7));
        }
        assertThat(curves).isEqualTo(PerformanceFrame.SIZE);
    }
}
