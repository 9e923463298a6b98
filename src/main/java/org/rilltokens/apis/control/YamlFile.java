package org.rilltokens.apis.control;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A YAML project file bound to a record with Jackson. Unknown fields, duplicate keys, empty fields and values of
 * the wrong shape are refused with the file, the line and the field's path as an author reads it
 * ({@code security.include[0].names}). Jackson reports a record's unknown fields only once the record is read,
 * so lines come from a first pass that notes where each path starts.
 */
final class YamlFile {

    private static final ObjectMapper MAPPER = new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path file;
    private final String text;
    /** Where each path's first token is (a field's key), and where its value is when that is a scalar. */
    private final Map<String, JsonLocation> starts = new HashMap<>();
    private final Map<String, JsonLocation> scalars = new HashMap<>();

    private YamlFile(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    static YamlFile read(Path file) throws InvalidProjectFile {
        try {
            YamlFile yaml = new YamlFile(file, Files.readString(file, StandardCharsets.UTF_8));
            yaml.scan();
            return yaml;
        } catch (IOException e) {
            throw new InvalidProjectFile(file, 1, "cannot be read: " + e.getMessage());
        }
    }

    private void scan() throws InvalidProjectFile, IOException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String path = path(parser.getParsingContext());
                if (token == JsonToken.VALUE_NULL) {
                    // An empty field (`row_filter:`) is a mistake to point at, never the same as leaving the field out.
                    throw problem(parser.currentTokenLocation().getLineNr(), (path.isEmpty() ? "the file" : path) + " must not be empty");
                }
                starts.putIfAbsent(path, parser.currentTokenLocation());
                if (token.isScalarValue()) {
                    scalars.putIfAbsent(path, parser.currentTokenLocation());
                }
            }
        } catch (JsonParseException e) {
            throw problem(line(e.getLocation()), "not valid YAML: " + withoutExcerpts(e.getOriginalMessage()));
        }
    }

    /** @return the bound record, or empty for a file without content */
    <T> Optional<T> bind(Class<T> type) throws InvalidProjectFile {
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(text, type));
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            throw problem(line(path, e.getLocation()), message(e, path));
        } catch (JsonProcessingException e) {
            throw problem(line(e.getLocation()), "not valid YAML: " + withoutExcerpts(e.getOriginalMessage()));
        }
    }

    /** The line where the value at {@code path} starts; 1 for a path not in the file. */
    int line(String path) {
        return line(path, null);
    }

    /** The line where the text of the scalar at {@code path} starts: a block scalar's ({@code |}, {@code >}) is the next one. */
    int textLine(String path) {
        JsonLocation start = scalars.get(path);
        if (start == null) {
            return line(path);
        }
        long at = start.getCharOffset();
        boolean block = at >= 0 && at < text.length() && (text.charAt((int) at) == '|' || text.charAt((int) at) == '>');
        return start.getLineNr() + (block ? 1 : 0);
    }

    InvalidProjectFile problem(int line, String message) {
        return new InvalidProjectFile(file, line, message);
    }

    private int line(String path, JsonLocation fallback) {
        JsonLocation start = starts.get(path);
        return start != null ? start.getLineNr() : line(fallback);
    }

    private static String message(JsonMappingException e, String path) {
        String where = path.isEmpty() ? "the file" : path;
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            String parent = path(e.getPath().subList(0, e.getPath().size() - 1));
            return "unknown field '" + unknown.getPropertyName() + "' in " + (parent.isEmpty() ? "the file" : parent)
                    + "; expected one of " + new TreeSet<>(known.stream().map(String::valueOf).toList());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " must be " + shape(mismatch.getTargetType());
        }
        return where + ": " + e.getOriginalMessage();
    }

    private static String shape(Class<?> type) {
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return type == String.class ? "text" : "a mapping of fields";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return join(references.stream().map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining()));
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray() && step.getCurrentIndex() >= 0) {
                path.insert(0, "[" + step.getCurrentIndex() + "]");
            } else if (step.getCurrentName() != null) {
                path.insert(0, "." + step.getCurrentName());
            }
        }
        return join(path.toString());
    }

    private static String join(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /** The parser's own message without its excerpts of the file (indented lines): what, not where. */
    private static String withoutExcerpts(String message) {
        return message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
