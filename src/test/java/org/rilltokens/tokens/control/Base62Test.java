package org.rilltokens.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void decodeRejectsForeignCharactersAndOverflow() {
        assertThat(Base62.decode("ab-c", 4)).isEmpty();
        assertThat(Base62.decode("zzzzzz", 4)).isEmpty();
        assertThat(Base62.isAlphabet("09AZaz")).isTrue();
        assertThat(Base62.isAlphabet("_")).isFalse();
    }
}
