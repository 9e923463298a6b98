package org.rilltokens.apis.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.rilltokens.platform.DomainException;

/**
 * An argument of a custom API: named by a {@code {{ .args.NAME }}} placeholder, optionally described and
 * typed in the file's {@code openapi.request.parameters}. Undeclared arguments are required strings.
 */
public record ApiParameter(String name, String type, String format, boolean required, String description) {

    public static final java.util.Set<String> TYPES = java.util.Set.of("string", "integer", "number", "boolean");

    static ApiParameter inferred(String name) {
        return new ApiParameter(name, "string", null, true, null);
    }

    /** The value to bind for a text argument (query string or JSON string), checked against the declared type. */
    public Object convert(String text) {
        try {
            return switch (type) {
                case "integer" -> Long.valueOf(text.strip());
                case "number" -> reasonable(new BigDecimal(text.strip()));
                case "boolean" -> bool(text);
                default -> "date".equals(format) ? LocalDate.parse(text.strip()) : text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw wrongType(text);
        }
    }

    /** The value to bind for a JSON number. */
    public Object convert(BigDecimal number) {
        reasonable(number);
        return switch (type) {
            case "integer" -> {
                try {
                    yield number.longValueExact();
                } catch (ArithmeticException e) {
                    throw wrongType(number.toString());
                }
            }
            case "boolean" -> throw wrongType(number.toString());
            case "number" -> number;
            default -> "date".equals(format) ? convert(number.toPlainString()) : number.toPlainString();
        };
    }

    public Object convert(boolean flag) {
        if (!type.equals("boolean") && !type.equals("string")) {
            throw wrongType(String.valueOf(flag));
        }
        return type.equals("boolean") ? flag : String.valueOf(flag);
    }

    /** Refuses numbers like 1e999999999: written out they would fill the memory, bound they overflow the database. */
    private BigDecimal reasonable(BigDecimal number) {
        if (Math.abs(number.scale()) > 100 || number.precision() - number.scale() > 100) {
            throw DomainException.invalid(name, "Argument '" + name + "' is out of range");
        }
        return number;
    }

    private Boolean bool(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw wrongType(text);
    }

    private DomainException wrongType(String value) {
        String expected = "date".equals(format) ? "a date (YYYY-MM-DD)" : "a value of type " + type;
        return DomainException.invalid(name, "Argument '" + name + "' must be " + expected + ", got '" + value + "'");
    }
}
