package org.cuestudio.core.export.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FcpxmlWriterTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element only(Document d, String tag) {
        NodeList l = d.getElementsByTagName(tag);
        assertThat(l.getLength()).as(tag).isEqualTo(1);
        return (Element) l.item(0);
    }

    @Test
    void smallTimelineMatchesTheGoldenFile() throws Exception {
        TimelineFixtures.assertMatchesGolden(FcpxmlWriter.write(TimelineFixtures.small()), "small.fcpxml");
    }

    @Test
    void documentHasAFormatAnAssetPerTakeAndClipsOnTheSpineWithTheirMarkers() throws Exception {
        Document d = parse(FcpxmlWriter.write(TimelineFixtures.small()));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("fcpxml");
        assertThat(d.getDocumentElement().getAttribute("version")).isEqualTo("1.9");
        Element format = only(d, "format");
        assertThat(format.getAttribute("frameDuration")).isEqualTo("1/25s");
        assertThat(format.getAttribute("width")).isEqualTo("1920");
        NodeList assets = d.getElementsByTagName("asset");
        assertThat(assets.getLength()).isEqualTo(2);
        Element media = (Element) ((Element) assets.item(1)).getElementsByTagName("media-rep").item(0);
        assertThat(media.getAttribute("src")).isEqualTo("file:///renders/take%202.mov");
        NodeList clips = only(d, "spine").getElementsByTagName("asset-clip");
        assertThat(clips.getLength()).isEqualTo(2);
        Element second = (Element) clips.item(1);
        assertThat(second.getAttribute("ref")).isEqualTo(((Element) assets.item(1)).getAttribute("id"));
        assertThat(second.getAttribute("offset")).isEqualTo("100/25s");
        assertThat(second.getAttribute("duration")).isEqualTo("100/25s");
        assertThat(only(d, "sequence").getAttribute("duration")).isEqualTo("200/25s");
        NodeList markers = second.getElementsByTagName("marker");
        assertThat(markers.getLength()).isEqualTo(4);
        Element gaze = (Element) markers.item(2);
        assertThat(gaze.getAttribute("value")).isEqualTo("Gaze: Look down left");
        assertThat(gaze.getAttribute("start")).isEqualTo("50/25s");
        assertThat(gaze.getAttribute("duration")).isEqualTo("25/25s");
    }

    @Test
    void takeMetadataIsInTheNoteTheMetadataAndACircledTakeIsAFavourite() throws Exception {
        Document d = parse(FcpxmlWriter.write(TimelineFixtures.small()));
        NodeList clips = d.getElementsByTagName("asset-clip");
        Element first = (Element) clips.item(0);
        Element second = (Element) clips.item(1);
        assertThat(first.getElementsByTagName("note").item(0).getTextContent())
                .isEqualTo("Cue Studio shot hello, take t1: seed 7, rating 3/5, final 1920x1080");
        assertThat(first.getElementsByTagName("rating").getLength()).isZero();
        assertThat(second.getElementsByTagName("note").item(0).getTextContent())
                .isEqualTo("Cue Studio shot hello, take t2 (Take 2): seed -4611686018427387904, rating 5/5, circled, "
                        + "final 1920x1080. Notes: Softer \"hello\" & <no> blink\non the wave");
        assertThat(((Element) second.getElementsByTagName("rating").item(0)).getAttribute("value"))
                .isEqualTo("favorite");
        NodeList md = second.getElementsByTagName("md");
        assertThat(md.getLength()).isEqualTo(3);
        assertThat(((Element) md.item(1)).getAttribute("key")).isEqualTo("com.apple.proapps.studio.shot");
        assertThat(((Element) md.item(1)).getAttribute("value")).isEqualTo("t2");
        assertThat(((Element) md.item(2)).getAttribute("value")).isEqualTo("Softer \"hello\" & <no> blink\non the wave");
    }

    @Test
    void charactersXmlCannotHoldAreReplacedNotWritten() {
        assertThat(FcpxmlWriter.escape("a\u0001b\uD800c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    }

    @Test
    void frameDurationIsTheExactFractionAtEveryRate() {
        assertThat(TimelineFixtures.RATES.stream().map(r -> FcpxmlWriter.time(1, r)).toList())
                .containsExactly("1001/24000s", "1/24s", "1/25s", "1001/30000s", "1/30s", "1/50s", "1/60s");
    }

    static final List<FrameRate> RATES = TimelineFixtures.RATES;

    @ParameterizedTest
    @FieldSource("RATES")
    void cueTimesComeBackExactlyAtEveryRate(FrameRate rate) throws Exception {
        long tenMinutes = rate.framesCovering(600 * Ticks.PER_SECOND);
        long[][] frames = {{0, 1}, {1, 2}, {7, 31}, {1001, 2002}, {tenMinutes - 3, tenMinutes}};
        Shot shot = TimelineFixtures.shot(rate, frames);
        EditorialTimeline t = EditorialTimeline.forShot("P", shot, tenMinutes,
                List.of(new EditorialTimeline.Media(URI.create("file:///x.mov"), null)));
        Document d = parse(FcpxmlWriter.write(t));
        NodeList markers = d.getElementsByTagName("marker");
        List<Cue> cues = shot.allCues();
        assertThat(markers.getLength()).isEqualTo(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            Element m = (Element) markers.item(i);
            long start = ticks(m.getAttribute("start"));
            assertThat(start).as("start of %s at %s fps", cues.get(i).id(), rate).isEqualTo(cues.get(i).range().start());
            assertThat(start + ticks(m.getAttribute("duration"))).isEqualTo(cues.get(i).range().endExclusive());
        }
        assertThat(ticks(only(d, "format").getAttribute("frameDuration"))).isEqualTo(rate.frameToTicks(1));
        assertThat(ticks(only(d, "asset-clip").getAttribute("duration"))).isEqualTo(rate.frameToTicks(tenMinutes));
    }

    /**
     * An FCPXML time as ticks. The tick grid is exact for every studio rate, so a time that is not a whole number
     * of ticks, or one whose frames floor differently, would mean the file lost precision.
     */
    private static long ticks(String time) {
        Matcher m = Pattern.compile("(\\d+)(?:/(\\d+))?s").matcher(time);
        assertThat(m.matches()).as(time).isTrue();
        BigInteger num = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(Ticks.PER_SECOND));
        BigInteger den = m.group(2) == null ? BigInteger.ONE : new BigInteger(m.group(2));
        BigInteger[] qr = num.divideAndRemainder(den);
        assertThat(qr[1]).as("%s is a whole number of ticks", time).isEqualTo(BigInteger.ZERO);
        return qr[0].longValueExact();
    }
}
