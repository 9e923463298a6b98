package org.rilltokens.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTokenTest {

    @Test
    void theFormatsLengthsAreThoseOfSpecSectionTwo() {
        assertThat(PlainToken.PREFIX).hasSize(PlainToken.PREFIX_LENGTH);
        assertThat(PlainToken.LENGTH).isEqualTo(70);
        assertThat(PlainToken.generate().text()).hasSize(PlainToken.LENGTH);
    }

    @Test
    void generatedTokenHasTheDocumentedShapeAndParsesBack() {
        PlainToken token = PlainToken.generate();
        String text = token.text();

        assertThat(text).hasSize(70).startsWith("rill_usr_").matches("rill_usr_[0-9A-Za-z]{61}");
        assertThat(PlainToken.parse(text)).contains(token);
        assertThat(text.substring(9, 31)).isEqualTo(PlainToken.publicId(token.id()));
    }

    @Test
    void leadingZeroBytesKeepTheFixedWidth() {
        PlainToken zeros = new PlainToken(new UUID(0, 1), new byte[24]);
        String text = zeros.text();

        assertThat(text).hasSize(70);
        assertThat(text.substring(9, 31)).isEqualTo("0000000000000000000001");
        assertThat(text.substring(31, 64)).isEqualTo("0".repeat(33));
        assertThat(PlainToken.parse(text)).contains(zeros);
    }

    @Test
    void largestValuesStillFit() {
        byte[] secret = new byte[24];
        Arrays.fill(secret, (byte) 0xff);
        PlainToken max = new PlainToken(new UUID(-1, -1), secret);

        assertThat(PlainToken.parse(max.text())).contains(max);
    }

    @Test
    void anyChangedCharacterFailsTheChecksum() {
        String text = PlainToken.generate().text();
        for (int i = 9; i < text.length(); i++) {
            char replacement = text.charAt(i) == 'a' ? 'b' : 'a';
            String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
            assertThat(PlainToken.parse(tampered)).as("changed at %d", i).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rill_usr_", "rill_svc_0000000000000000000000000000000000000000000000000000000000000",
        "Bearer rill_usr_0000000000000000000000000000000000000000000000000000000000"})
    void wrongPrefixOrLengthIsRejected(String text) {
        assertThat(PlainToken.parse(text)).isEmpty();
    }

    @Test
    void wrongPrefixWithValidBodyIsRejected() {
        String text = PlainToken.generate().text();
        assertThat(PlainToken.parse("rill_xyz_" + text.substring(9))).isEmpty();
        assertThat(PlainToken.parse(text + "0")).isEmpty();
        assertThat(PlainToken.parse(text.substring(0, 69))).isEmpty();
        assertThat(PlainToken.parse(null)).isEmpty();
    }

    @Test
    void foreignCharactersAreRejected() {
        String text = PlainToken.generate().text();
        assertThat(PlainToken.parse(text.substring(0, 20) + "-" + text.substring(21))).isEmpty();
        assertThat(PlainToken.parse(text.substring(0, 20) + "é" + text.substring(21))).isEmpty();
    }

    @Test
    void anIdPartBeyond128BitsIsRejectedEvenWithAValidChecksum() {
        String body = "rill_usr_" + "z".repeat(22) + "0".repeat(33);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String text = body + Base62.encode(crc.getValue(), 6);

        assertThat(text).hasSize(70);
        assertThat(PlainToken.parse(text)).isEmpty();
    }

    @Test
    void secretIsComparedByItsHashOnly() {
        PlainToken token = PlainToken.generate();
        PlainToken other = new PlainToken(token.id(), new byte[24]);

        assertThat(token.secretHash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(token.matches(token.secretHash())).isTrue();
        assertThat(other.matches(token.secretHash())).isFalse();
    }

    @Test
    void toStringNeverContainsTheSecret() {
        PlainToken token = PlainToken.generate();
        assertThat(token.toString()).doesNotContain(token.text().substring(31, 64)).contains(token.text().substring(0, 19));
    }

    @Test
    void displayIdIsPrefixPlusTenCharacters() {
        assertThat(PlainToken.displayId("3kd9XbQ2aPxxxxxxxxxxxx")).isEqualTo("rill_usr_3kd9XbQ2aP");
    }
}
