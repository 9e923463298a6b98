package org.rilltokens.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --output}: an aligned table for people (the default), or the server's JSON objects for scripts. */
final class Output {

    enum Format { table, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), or json: the server's objects as an array, for scripts.")
    Format format = Format.table;

    /** The items as a table (or, when there are none, {@code none} on stderr), or as one JSON array. */
    void print(Invocation io, JsonArray items, List<String> headers, Function<JsonObject, List<String>> row, String none) {
        if (format == Format.json) {
            io.out().println(items);
        } else if (items.isEmpty()) {
            io.err().println(none);
        } else {
            io.out().print(Table.render(headers, items.getValuesAs(JsonObject.class).stream().map(row).toList()));
        }
    }

    /** A text field of a server object; empty when absent or null. */
    static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonString text ? text.getString() : "";
    }
}
