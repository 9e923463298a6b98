package org.rilltokens.mcp.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rilltokens.apis.control.ApiCall;
import org.rilltokens.apis.control.ResultJson;

/**
 * The rows of an API call for an assistant: at most {@code limit} rows, as row objects with the same values
 * the REST endpoint returns, and as a compact Markdown table; both say when rows were left out.
 */
public final class RowsAnswer {

    static final int MAX_CELL = 120;

    private RowsAnswer() {
    }

    public static ToolAnswer of(String api, ApiCall.Result result, int limit) {
        JsonArray all = ResultJson.rows(result);
        List<Map<String, Object>> rows = new ArrayList<>();
        all.stream().limit(limit).forEach(row -> rows.add(javaRow(row.asJsonObject())));
        boolean truncated = all.size() > rows.size();
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("api", api);
        structured.put("columns", result.columns());
        structured.put("rows", rows);
        structured.put("rowCount", all.size());
        structured.put("truncated", truncated);
        return ToolAnswer.of(summary(api, all.size(), rows.size(), limit) + "\n\n" + table(result.columns(), rows), structured);
    }

    private static String summary(String api, int total, int shown, int limit) {
        String rows = total == 1 ? "1 row" : total + " rows";
        if (shown == total) {
            return api + " returned " + rows + ".";
        }
        return api + " returned " + rows + "; TRUNCATED to the first " + shown + " (limit " + limit
                + "). Pass a larger limit or narrow the call with its arguments to see the rest.";
    }

    static String table(List<String> columns, List<Map<String, Object>> rows) {
        if (columns.isEmpty()) {
            return "(no columns are visible to you)";
        }
        StringBuilder table = new StringBuilder();
        line(table, columns);
        line(table, columns.stream().map(column -> "---").toList());
        for (Map<String, Object> row : rows) {
            line(table, columns.stream().map(column -> cell(row.get(column))).toList());
        }
        return table.toString().stripTrailing();
    }

    private static void line(StringBuilder table, List<String> cells) {
        table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String cell(Object value) {
        String text = value == null ? "null"
                : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        text = text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s+", " ");
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }

    /** A REST row object as Java values Jackson writes back the same way (numbers keep their scale). */
    private static Map<String, Object> javaRow(JsonObject row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, value) -> values.put(column, javaValue(value)));
        return values;
    }

    private static Object javaValue(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case STRING -> ((JsonString) value).getString();
            default -> value.toString();
        };
    }
}
