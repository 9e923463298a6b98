package org.rilltokens.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object request body read field by field, with messages that tell a script author what to fix: not
 * JSON, not an object, an unknown field, or a field of the wrong type. The administration endpoints still read
 * their bodies this way; the rest of the API binds request records ({@link JsonRequests}). Both check the body
 * with {@link JsonInput} first.
 */
public final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /**
     * The body, checked by {@link JsonInput} (UTF-8, one object, depth, numbers, repeated fields) like every
     * request record, then against the fields the call takes.
     *
     * @param knownFields the fields the request may have, or null to accept any
     */
    public static JsonBody parse(String text, Set<String> knownFields) {
        JsonObject object = JsonInput.object(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
        object.keySet().stream().filter(key -> knownFields != null && !knownFields.contains(key)).findFirst().ifPresent(key -> {
            throw DomainException.invalid(key, "Unknown field '" + key + "'; expected one of " + knownFields);
        });
        return new JsonBody(object);
    }

    public String string(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw DomainException.invalid(field, field + " must be a string");
    }

    public Long integer(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw DomainException.invalid(field, field + " is out of range");
            }
        }
        throw DomainException.invalid(field, field + " must be a whole number");
    }

    public Boolean bool(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw DomainException.invalid(field, field + " must be true or false");
    }

    /** A field holding a JSON object, as plain values (see {@link #values()}); null when absent. */
    public Map<String, Object> object(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject nested) {
            return new JsonBody(nested).values();
        }
        throw DomainException.invalid(field, field + " must be a JSON object");
    }

    /** Every field as a plain value, as {@link JsonInput#values} gives them. */
    public Map<String, Object> values() {
        return JsonInput.values(object);
    }
}
