package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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
        List<RgbaImage> back = SegmentPayload.read(new ByteArrayInputStream(out.toByteArray()),
                new SegmentPayload.Shape(1, 256, 256), out.size());
        assertThat(back.get(0).pixels()).isEqualTo(px);
    }

    @Test
    void headerMustMatchTheIndex() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentPayload.write(List.of(new RgbaImage(16, 16, new byte[16 * 16 * 4])), out);

        assertThatThrownBy(() -> SegmentPayload.read(new ByteArrayInputStream(out.toByteArray()),
                new SegmentPayload.Shape(1, 32, 16), out.size()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void startsWithMagicAndVersion() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SegmentPayload.write(List.of(), out);

        assertThat(out.toByteArray()).startsWith('C', 'S', 'E', 'G', 0, 0, 0, 1);
    }
}
