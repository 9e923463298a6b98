package org.rilltokens.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void encodesWithTheDocumentedAlphabetAndPadsWithZeros() {
        assertThat(Base62.encode(0, 6)).isEqualTo("000000");
        assertThat(Base62.encode(61, 3)).isEqualTo("00z");
        assertThat(Base62.encode(62, 3)).isEqualTo("010");
        assertThat(Base62.encode(new byte[] {0, 0, 10}, 4)).isEqualTo("000A");
        assertThat(Base62.encode(0xFFFFFFFFL, 6)).isEqualTo("4gfFC3");
    }

    @Test
    void refusesValuesWiderThanTheField() {
        assertThatThrownBy(() -> Base62.encode(62, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesBackToTheSameBytesIncludingLeadingZeros() {
        byte[] bytes = {0, 0, 0, 1, (byte) 0x80};
        assertThat(Base62.decode(Base62.encode(bytes, 8), 5)).hasValueSatisfying(decoded -> assertThat(decoded).isEqualTo(bytes));
    }

    @Test
    void agreesWithBigIntegerArithmeticOnRandomValuesOfEveryTokenPartsWidth() {
        Random random = new Random(62);
        for (int round = 0; round < 2_000; round++) {
            int byteCount = 1 + random.nextInt(32);
            byte[] bytes = new byte[byteCount];
            random.nextBytes(bytes);
            // Widest value of that many bytes: ceil(8 * bytes / log2(62)) characters.
            int width = (int) Math.ceil(byteCount * 8 / (Math.log(62) / Math.log(2)));
            String encoded = Base62.encode(bytes, width);
            assertThat(encoded).hasSize(width);
            assertThat(valueOf(encoded)).isEqualTo(new BigInteger(1, bytes));
            assertThat(Base62.decode(encoded, byteCount)).hasValueSatisfying(decoded -> assertThat(decoded).isEqualTo(bytes));

            // Any text of that width: decoded when its value fits in the bytes, refused when it does not.
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < width; i++) {
                text.append(Base62.ALPHABET.charAt(random.nextInt(62)));
            }
            BigInteger value = valueOf(text.toString());
            if (value.bitLength() > byteCount * 8) {
                assertThat(Base62.decode(text, byteCount)).as(text.toString()).isEmpty();
            } else {
                assertThat(Base62.decode(text, byteCount)).as(text.toString()).hasValueSatisfying(decoded ->
                        assertThat(new BigInteger(1, decoded)).isEqualTo(value));
            }
        }
    }

    @Test
    void aLongUsesAllSixtyFourBitsUnsigned() {
        assertThat(valueOf(Base62.encode(-1L, 11))).isEqualTo(new BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> Base62.encode(-1L, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The value of a base62 text by BigInteger arithmetic: the reference the byte arithmetic must agree with. */
    private static BigInteger valueOf(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(javaDigit(c)));
        }
        return value;
    }

    private static int javaDigit(int c) {
        return Base62.ALPHABET.indexOf(c);
    }

    @Test
    void decodeRejectsForeignCharactersAndOverflow() {
        assertThat(Base62.decode("ab-c", 4)).isEmpty();
        assertThat(Base62.decode("zzzzzz", 4)).isEmpty();
        assertThat(Base62.isAlphabet("09AZaz")).isTrue();
        assertThat(Base62.isAlphabet("_")).isFalse();
    }
}
