package org.cuestudio.inference.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.cuestudio.core.model.Resolution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Bt709Yuv420Test {
    private static final Resolution SIZE = new Resolution(16, 16);

    @ParameterizedTest(name = "{0} -> Y {1}, Cb {2}, Cr {3}")
    @CsvSource({
        // Reference values from ITU-R BT.709 in 8-bit limited range.
        "FFFFFFFF, 235, 128, 128",
        "FF000000,  16, 128, 128",
        "FF808080, 126, 128, 128",
        "FFFF0000,  63, 102, 240",
        "FF00FF00, 173,  42,  26",
        "FF0000FF,  32, 240, 118",
    })
    void convertsOpaqueColoursWithTheBt709Matrix(String argbHex, int y, int cb, int cr) {
        int[] yuv = convert(Integer.parseUnsignedInt(argbHex, 16), 0xFF000000);

        assertThat(yuv).containsExactly(y, cb, cr);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
        "00FF0000, FFFFFFFF, FFFFFFFF", // fully transparent shows the background
        "80FFFFFF, FF000000, FF808080", // half white over black is mid grey
        "FF00FF00, FF0000FF, FF00FF00", // opaque hides it
        "00123456, 00FFFFFF, FFFFFFFF", // the background's own alpha is ignored: MP4 has none
    })
    void compositesStraightAlphaOverTheBackground(String argbHex, String backgroundHex, String expectedHex) {
        int[] composited = convert(Integer.parseUnsignedInt(argbHex, 16), Integer.parseUnsignedInt(backgroundHex, 16));
        int[] direct = convert(Integer.parseUnsignedInt(expectedHex, 16), 0xFF000000);

        assertThat(composited).containsExactly(direct);
    }

    private static int[] convert(int argb, int background) {
        Bt709Yuv420 converter = new Bt709Yuv420(SIZE.width(), SIZE.height(), background);
        byte[] yuv = new byte[converter.pictureSize()];
        converter.convert(EncoderFixtures.solid(SIZE, argb), yuv);
        int pixels = SIZE.width() * SIZE.height();
        return new int[] {yuv[0] & 0xff, yuv[pixels] & 0xff, yuv[pixels + pixels / 4] & 0xff};
    }
}
