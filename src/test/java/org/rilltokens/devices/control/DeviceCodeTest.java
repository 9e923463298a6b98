package org.rilltokens.devices.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeviceCodeTest {

    @Test
    void aDeviceCodeIsTheUrlSafeTextOf256BitsAndAcceptedBackInFull() {
        String text = DeviceCode.generate().text();

        // 32 bytes: a device's secret is as hard to guess as a token's, and travels in a form body unescaped
        assertThat(Base64.getUrlDecoder().decode(text)).hasSize(32);
        assertThat(text).hasSize(43).matches("[A-Za-z0-9_-]+");
        // the length check that refuses oversized input before hashing never refuses a real code
        assertThat(text.length()).isLessThanOrEqualTo(DeviceCode.MAX_LENGTH);
    }

    @Test
    void onlyItsHashIsKeptAndTheHashFindsItAgain() {
        DeviceCode code = DeviceCode.generate();

        assertThat(code.hash()).hasSize(64).matches("[0-9a-f]+").doesNotContain(code.text());
        assertThat(DeviceCode.hashOf(code.text())).isEqualTo(code.hash());
        assertThat(DeviceCode.hashOf(code.text() + "x")).isNotEqualTo(code.hash());
        assertThat(code.toString()).doesNotContain(code.text());
    }
}
