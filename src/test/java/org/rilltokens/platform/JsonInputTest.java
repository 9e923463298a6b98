package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    record Issue(String displayName, Long ttlMinutes, Boolean readOnly, List<String> projects) {
    }

    private static final RecordShape ISSUE = new RecordShape(Issue.class);

    @Test
    void readsAnObjectAndItsPlainValues() {
        JsonObject object = read("{\"name\":\"ci\",\"n\":60,\"on\":true,\"list\":[1,\"a\"],\"none\":null}");
        assertThat(JsonInput.values(object)).containsEntry("name", "ci").containsEntry("n", new BigDecimal("60"))
                .containsEntry("on", true).containsEntry("list", List.of(new BigDecimal("1"), "a")).containsEntry("none", null);
    }

    @Test
    void explainsWhatIsWrongWithTheBodyItself() {
        assertRefused("", null, "needs a JSON object body");
        assertRefused("{bad", null, "not valid JSON");
        assertRefused("[1]", null, "must be a JSON object, not an array");
        assertRefused("\"text\"", null, "must be a JSON object, not a string");
        assertRefused("{\"a\":1,\"a\":2}", "a", "given twice");
        assertRefused("{\"a\":1} {}", null, "not valid JSON");
    }

    @Test
    void hugeOrOddNumbersAreRefusedNamingTheirField() {
        assertRefused("{\"ttlMinutes\":1E2147483648}", "ttlMinutes", "out of range");
        assertRefused("{\"ttlMinutes\":1E-2147483648}", "ttlMinutes", "out of range");
        assertRefused("{\"year\":" + "9".repeat(5000) + "}", "year", "5000 characters");
        assertRefused("{\"year\":[1, {\"x\": " + "1".repeat(101) + "}]}", "year", "101 characters");
    }

    @Test
    void deepStructuresAreRefusedAtTheFirstLevelTooMany() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused("{\"region\":" + deep + "}", "region", "deeper than 32 levels");
        assertThat(read("{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}").containsKey("a")).isTrue();
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> JsonInput.object(body)).hasMessageContaining("not valid UTF-8");
        assertThat(read("{\"a\":\"Ëmea ☃\"}").getString("a")).isEqualTo("Ëmea ☃");
    }

    @Test
    void aRecordsShapeRefusesUnknownFieldsAndWrongTypes() {
        assertShape("{\"displayName\":\"x\",\"scopes\":[]}", "scopes", "Unknown field 'scopes'; expected one of [displayName, ttlMinutes");
        assertShape("{\"displayName\":42}", "displayName", "displayName must be a string");
        assertShape("{\"ttlMinutes\":\"1h\"}", "ttlMinutes", "must be a whole number");
        assertShape("{\"ttlMinutes\":1.5}", "ttlMinutes", "must be a whole number");
        assertShape("{\"ttlMinutes\":100000000000000000000000}", "ttlMinutes", "out of range");
        assertShape("{\"ttlMinutes\":1E999999999}", "ttlMinutes", "out of range");
        assertShape("{\"readOnly\":\"yes\"}", "readOnly", "true or false");
        assertShape("{\"projects\":\"acme/sales\"}", "projects", "must be a list");
        ISSUE.check(read("{\"displayName\":\"x\",\"ttlMinutes\":1E2,\"readOnly\":null,\"projects\":[]}"));
    }

    private static JsonObject read(String text) {
        return JsonInput.object(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String text, String field, String messagePart) {
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.getMessage()).contains(messagePart);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
        });
    }

    private static void assertShape(String text, String field, String messagePart) {
        assertThatThrownBy(() -> ISSUE.check(read(text))).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.getMessage()).contains(messagePart);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
