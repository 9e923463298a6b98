package org.rilltokens.mcp.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.rilltokens.platform.DomainException;

/**
 * The arguments of a {@code call_api} call, checked with messages a model can act on. API arguments are
 * passed on as the REST endpoint passes JSON values (String, BigDecimal, Boolean, null), so both are
 * converted and refused the same way.
 */
public record CallApiRequest(String api, Map<String, Object> arguments, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static CallApiRequest of(Map<String, Object> input) {
        Map<String, Object> given = input == null ? Map.of() : input;
        if (!(given.get("name") instanceof String api) || api.isBlank()) {
            throw DomainException.invalid("name", "call_api needs 'name': the API's name as list_apis shows it");
        }
        return new CallApiRequest(api.strip(), arguments(given.get("arguments")), limit(given.get("limit")));
    }

    private static Map<String, Object> arguments(Object given) {
        if (given == null) {
            return Map.of();
        }
        if (!(given instanceof Map<?, ?> map)) {
            throw DomainException.invalid("arguments", "'arguments' must be an object of argument names and values, e.g. {\"year\": 2024}");
        }
        Map<String, Object> arguments = new HashMap<>();
        map.forEach((name, value) -> arguments.put(String.valueOf(name), value instanceof Number number && !(value instanceof BigDecimal)
                ? decimal(String.valueOf(name), number) : value));
        return arguments;
    }

    /** JSON numbers too large for a double arrive as Infinity: refuse them like the REST API refuses huge numbers. */
    private static BigDecimal decimal(String name, Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw DomainException.invalid(name, "Argument '" + name + "' is out of range");
            }
        }
        return new BigDecimal(number.toString());
    }

    private static int limit(Object given) {
        if (given == null) {
            return DEFAULT_LIMIT;
        }
        if (given instanceof Number number && Double.isFinite(number.doubleValue())) {
            BigDecimal value = new BigDecimal(number.toString());
            if (value.signum() > 0 && value.compareTo(BigDecimal.valueOf(MAX_LIMIT)) <= 0 && value.stripTrailingZeros().scale() <= 0) {
                return value.intValue();
            }
        }
        throw DomainException.invalid("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ", got " + given);
    }
}
