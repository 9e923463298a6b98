package org.rilltokens.audit.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.rilltokens.platform.DomainException;

/**
 * A selection of the audit trail as a download, oldest first, written while it is read (a batch at a time, so a
 * long trail never sits in memory): CSV (RFC 4180, one header line) or a JSON array of the API's entries.
 */
public final class AuditExport {

    static final int BATCH = 500;
    private static final String[] COLUMNS = {"id", "occurredOn", "actor", "surface", "address", "org", "kind", "subject",
        "before", "after"};

    public enum Format {
        CSV("text/csv; charset=UTF-8"), JSON("application/json");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /** {@code csv} or {@code json} (the default). */
        public static Format of(String value) {
            if (value == null || value.isBlank()) {
                return JSON;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("format", "format is csv or json, not '" + value + "'");
            }
        }
    }

    private AuditExport() {
    }

    /** An instant given as a query parameter ({@code 2026-12-01T00:00:00Z} or a date, {@code 2026-12-01}). */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, field + " is a UTC instant such as 2026-12-01T00:00:00Z or a date such as"
                    + " 2026-12-01; got '" + value + "'");
        }
    }

    /** The download of {@code selection} over the API, named {@code name} (without extension). */
    public static Response of(AuditTrail trail, AuditTrail.Selection selection, Format format, String name) {
        check(selection);
        StreamingOutput body = out -> write(trail, selection, format, out);
        return Response.ok(body, format.mediaType).header("Content-Disposition", disposition(format, name)).build();
    }

    /** Refuses a date range that ends before it starts. */
    public static void check(AuditTrail.Selection selection) {
        if (selection.from() != null && selection.to() != null && !selection.from().isBefore(selection.to())) {
            throw DomainException.invalid("to", "to must be after from");
        }
    }

    public static String disposition(Format format, String name) {
        return "attachment; filename=\"" + name + "." + format.name().toLowerCase(Locale.ROOT) + "\"";
    }

    /** Writes the selection to {@code out} as it is read. */
    public static void write(AuditTrail trail, AuditTrail.Selection selection, Format format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (format == Format.CSV) {
            writeCsv(trail, selection, writer);
        } else {
            writeJson(trail, selection, writer);
        }
        writer.flush();
    }

    private static void writeCsv(AuditTrail trail, AuditTrail.Selection selection, Writer writer) throws IOException {
        writer.write(String.join(",", COLUMNS) + "\r\n");
        Long after = null;
        for (List<AuditEntry> batch = trail.batch(selection, null, BATCH); !batch.isEmpty();
                batch = trail.batch(selection, after, BATCH)) {
            for (AuditEntry entry : batch) {
                String[] values = {entry.id(), String.valueOf(entry.occurredOn()), entry.actor(), entry.surface(), entry.address(),
                    entry.org(), entry.kind(), entry.subject(), entry.before(), entry.after()};
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    line.append(i == 0 ? "" : ",").append(csv(values[i]));
                }
                writer.write(line.append("\r\n").toString());
                after = Long.valueOf(entry.id());
            }
        }
    }

    /** A CSV field; one a spreadsheet would run as a formula gets a leading apostrophe. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static void writeJson(AuditTrail trail, AuditTrail.Selection selection, Writer writer) {
        JsonGenerator json = Json.createGenerator(writer);
        json.writeStartArray();
        Long after = null;
        for (List<AuditEntry> batch = trail.batch(selection, null, BATCH); !batch.isEmpty();
                batch = trail.batch(selection, after, BATCH)) {
            for (AuditEntry entry : batch) {
                json.writeStartObject().write("id", entry.id()).write("occurredOn", String.valueOf(entry.occurredOn()));
                field(json, "actor", entry.actor());
                field(json, "surface", entry.surface());
                field(json, "address", entry.address());
                field(json, "org", entry.org());
                field(json, "kind", entry.kind());
                field(json, "subject", entry.subject());
                field(json, "before", entry.before());
                field(json, "after", entry.after());
                json.writeEnd();
                after = Long.valueOf(entry.id());
            }
        }
        json.writeEnd();
        json.flush();
    }

    private static void field(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
