package org.rilltokens.apis.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** An API result as the JSON array of row objects that callers get, column order kept. */
public final class ResultJson {

    // Json.createObjectBuilder() looks the provider up through ServiceLoader on every call: once per row.
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private ResultJson() {
    }

    public static JsonArray rows(ApiCall.Result result) {
        JsonArrayBuilder rows = BUILDERS.createArrayBuilder();
        for (List<Object> row : result.rows()) {
            JsonObjectBuilder object = BUILDERS.createObjectBuilder();
            for (int i = 0; i < result.columns().size(); i++) {
                add(object, result.columns().get(i), row.get(i));
            }
            rows.add(object);
        }
        return rows.build();
    }

    private static void add(JsonObjectBuilder object, String name, Object value) {
        if (value == null) {
            object.addNull(name);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            object.add(name, ((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            object.add(name, decimal);
        } else if (value instanceof BigInteger integer) {
            object.add(name, integer);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                object.add(name, number);
            } else {
                object.add(name, String.valueOf(number));
            }
        } else if (value instanceof Boolean flag) {
            object.add(name, flag);
        } else if (value instanceof java.sql.Date date) {
            object.add(name, date.toLocalDate().toString());
        } else if (value instanceof Timestamp timestamp) {
            object.add(name, timestamp.toLocalDateTime().toString());
        } else if (value instanceof byte[] bytes) {
            object.add(name, Base64.getEncoder().encodeToString(bytes));
        } else {
            object.add(name, value.toString());
        }
    }
}
