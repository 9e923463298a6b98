package org.rilltokens.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a JSON object fits a request record before JSON-B binds it: no field the record lacks, and each
 * field of the JSON type its component takes. JSON-B would refuse the same input with messages about Java
 * types; these say which field to fix and how. Ranges, lengths and required fields are Bean Validation's.
 */
public final class RecordShape {

    private final Class<?> type;
    private final Map<String, Class<?>> fields = new LinkedHashMap<>();

    public RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
        for (RecordComponent component : type.getRecordComponents()) {
            String name = Optional.ofNullable(component.getAccessor().getAnnotation(JsonbProperty.class)).map(JsonbProperty::value)
                    .filter(value -> !value.isEmpty()).orElse(component.getName());
            fields.put(name, component.getType());
        }
    }

    public Class<?> type() {
        return type;
    }

    /** Throws a 400 naming the first field that does not fit. */
    public void check(JsonObject object) {
        object.forEach((name, value) -> {
            Class<?> expected = fields.get(name);
            if (expected == null) {
                throw DomainException.invalid(name, "Unknown field '" + name + "'; expected one of " + fields.keySet());
            }
            if (value != JsonValue.NULL) {
                checkValue(name, expected, value);
            }
        });
    }

    private static void checkValue(String name, Class<?> expected, JsonValue value) {
        if (expected == String.class && value.getValueType() != JsonValue.ValueType.STRING) {
            throw DomainException.invalid(name, name + " must be a string");
        }
        if (isWhole(expected)) {
            wholeNumber(name, expected, value);
        }
        if ((expected == Boolean.class || expected == boolean.class)
                && value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw DomainException.invalid(name, name + " must be true or false");
        }
        if ((Collection.class.isAssignableFrom(expected) || expected.isArray())
                && value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw DomainException.invalid(name, name + " must be a list");
        }
        if (Map.class.isAssignableFrom(expected) && value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DomainException.invalid(name, name + " must be a JSON object");
        }
    }

    private static boolean isWhole(Class<?> type) {
        return Arrays.asList(Long.class, long.class, Integer.class, int.class).contains(type);
    }

    private static void wholeNumber(String name, Class<?> expected, JsonValue value) {
        if (!(value instanceof JsonNumber number) || !isIntegral(number.bigDecimalValue())) {
            throw DomainException.invalid(name, name + " must be a whole number");
        }
        try {
            long whole = number.bigDecimalValue().longValueExact();
            if ((expected == Integer.class || expected == int.class) && whole != (int) whole) {
                throw new ArithmeticException();
            }
        } catch (ArithmeticException e) {
            throw DomainException.invalid(name, name + " is out of range");
        }
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
