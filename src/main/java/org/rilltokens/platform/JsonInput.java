package org.rilltokens.platform;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object request body, checked before anything binds it: valid UTF-8, valid JSON, an object, no field
 * given twice, no structure deeper than {@link #MAX_DEPTH}, no number longer than {@link #MAX_NUMBER_CHARS} or
 * outside what {@link BigDecimal} can hold. Every refusal is a 400 naming the top-level field it was found in.
 * A stranger's body then costs its bytes and one streaming pass, whatever it holds.
 */
public final class JsonInput {

    /** Request bodies are flat objects with small lists: 32 levels leave room and stop stack-deep input early. */
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_CHARS = 100;
    // The factories look their provider up through ServiceLoader on every create call.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonInput() {
    }

    /** The body as a JSON object, or a 400 saying what is wrong with it. */
    public static JsonObject object(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw DomainException.invalid(null, "The request needs a JSON object body");
        }
        check(text);
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.invalid(null, "The request body is not valid UTF-8 text");
        }
    }

    /** One streaming pass: shape, depth, repeated fields and numbers, before any tree is built. */
    private static void check(String text) {
        String field = null;
        Set<String> seen = new HashSet<>();
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (depth == 0 && event != JsonParser.Event.START_OBJECT) {
                    throw DomainException.invalid(null, "The request body must be a JSON object, not " + kind(event));
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw DomainException.invalid(field, where(field) + "nests deeper than " + MAX_DEPTH + " levels");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (--depth == 0) {
                            field = null;
                        }
                    }
                    case KEY_NAME -> {
                        if (depth == 1) {
                            field = parser.getString();
                            if (!seen.add(field)) {
                                throw DomainException.invalid(field, "Field '" + field + "' is given twice; give it once");
                            }
                        }
                    }
                    case VALUE_NUMBER -> number(field, parser.getString());
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw DomainException.invalid(field, "The request body is not valid JSON: " + e.getMessage());
        }
    }

    private static void number(String field, String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            throw DomainException.invalid(field, where(field) + "has a number of " + text.length() + " characters; at most "
                    + MAX_NUMBER_CHARS + " are accepted");
        }
        try {
            new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, where(field) + "has a number out of range: " + text);
        }
    }

    private static String where(String field) {
        return field == null ? "The request body " : "Field '" + field + "' ";
    }

    private static String kind(JsonParser.Event event) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null";
        };
    }

    /** Every field as a plain value: String, BigDecimal, Boolean, null, or a List/JsonObject for arrays/objects. */
    public static Map<String, Object> values(JsonObject object) {
        Map<String, Object> values = new HashMap<>();
        object.forEach((name, value) -> values.put(name, plain(value)));
        return values;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(JsonInput::plain).toList();
            case OBJECT -> value.asJsonObject();
        };
    }
}
