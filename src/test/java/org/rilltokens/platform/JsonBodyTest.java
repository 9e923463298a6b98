package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final Set<String> FIELDS = Set.of("displayName", "ttlMinutes");

    @Test
    void readsKnownFieldsOfTheRightType() {
        JsonBody body = JsonBody.parse("{\"displayName\":\"ci\",\"ttlMinutes\":60}", FIELDS);
        assertThat(body.string("displayName")).isEqualTo("ci");
        assertThat(body.integer("ttlMinutes")).isEqualTo(60L);
        assertThat(JsonBody.parse("{\"ttlMinutes\":null}", FIELDS).integer("ttlMinutes")).isNull();
    }

    @Test
    void explainsWhatIsWrong() {
        assertRefused("", "needs a JSON object body");
        assertRefused("{bad", "not valid JSON");
        assertRefused("[1]", "must be a JSON object");
        assertRefused("{\"displayName\":\"a\",\"scope\":\"x\"}", "Unknown field 'scope'");
        assertRefused("x".repeat(70_000), "larger than");
        assertThatThrownBy(() -> JsonBody.parse("{\"ttlMinutes\":\"60\"}", FIELDS).integer("ttlMinutes"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> JsonBody.parse("{\"ttlMinutes\":1.5}", FIELDS).integer("ttlMinutes"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> JsonBody.parse("{\"ttlMinutes\":100000000000000000000000}", FIELDS).integer("ttlMinutes"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> JsonBody.parse("{\"displayName\":5}", FIELDS).string("displayName"))
                .hasMessageContaining("must be a string");
    }

    private static void assertRefused(String text, String messagePart) {
        assertThatThrownBy(() -> JsonBody.parse(text, FIELDS)).isInstanceOf(DomainException.class).hasMessageContaining(messagePart);
    }
}
