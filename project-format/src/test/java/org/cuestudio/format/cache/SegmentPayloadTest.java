package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.cuestudio.core.render.RgbaImage;
import org.junit.jupiter.api.Test;

class SegmentPayloadTest {
    @Test
    void flatArtCompressesWell() throws IOException {
        byte[] px = new byte[256 * 256 * 4];
        for (int i = 0; i < px.length; i += 4) {
            px[i] = (byte) 200;
            px[i + 3] = (byte) (i < px.length / 2 ? 255 : 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SegmentPayload.write(List.of(new RgbaImage(256, 256, px)), out);

        assertThat(out.size()).isLessThan(px.length / 50);
        List<RgbaImage> back = SegmentPayload.decode(out.toByteArray(), new SegmentPayload.Shape(1, 256, 256));
        assertThat(back.get(0).pixels()).isEqualTo(px);
    }

    @Test
    void headerMustMatchTheIndex() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentPayload.write(List.of(new RgbaImage(16, 16, new byte[16 * 16 * 4])), out);

        assertThatThrownBy(() -> SegmentPayload.decode(out.toByteArray(), new SegmentPayload.Shape(1, 32, 16)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void startsWithMagicAndVersion() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SegmentPayload.write(List.of(), out);

        assertThat(out.toByteArray()).startsWith('C', 'S', 'E', 'G', 0, 0, 0, 1);
    }

    @Test
    void framesDecodeInAnyOrderAndRepeatedly() throws IOException {
        List<RgbaImage> frames = CacheFixtures.frames(3, 16, 8, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentPayload.write(frames, out);

        List<RgbaImage> back = SegmentPayload.decode(out.toByteArray(), new SegmentPayload.Shape(3, 16, 8));

        assertThat(back).hasSize(3);
        assertThat(back.get(2).pixels()).isEqualTo(frames.get(2).pixels());
        assertThat(back.get(0).pixels()).isEqualTo(frames.get(0).pixels());
        assertThat(back.get(2).pixels()).isEqualTo(frames.get(2).pixels());
    }

    @Test
    void aTruncatedFileIsRefusedBeforeAnyFrameIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentPayload.write(CacheFixtures.frames(2, 16, 8, 6), out);
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 10);

        assertThatThrownBy(() -> SegmentPayload.decode(truncated, new SegmentPayload.Shape(2, 16, 8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad frame length");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentPayload.write(CacheFixtures.frames(1, 16, 8, 7), out);
        out.write(0);

        assertThatThrownBy(() -> SegmentPayload.decode(out.toByteArray(), new SegmentPayload.Shape(1, 16, 8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void aFileShorterThanItsHeaderIsRefused() {
        assertThatThrownBy(() -> SegmentPayload.decode(new byte[] {'C', 'S', 'E', 'G', 0, 0},
                new SegmentPayload.Shape(1, 16, 8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }
}
