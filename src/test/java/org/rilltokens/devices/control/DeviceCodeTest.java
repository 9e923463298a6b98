package org.rilltokens.devices.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceCodeTest {

    @Test
    void aDeviceCodeIsLongUrlSafeAndNeverTheSameTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String text = DeviceCode.generate().text();
            assertThat(text).hasSize(43).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(DeviceCode.MAX_LENGTH);
            seen.add(text);
        }
        assertThat(seen).hasSize(1000);
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
