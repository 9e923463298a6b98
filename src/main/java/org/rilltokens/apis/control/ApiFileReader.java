package org.rilltokens.apis.control;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one API file (Rill's {@code type: api} subset: {@code sql}, {@code security}, {@code openapi},
 * {@code ai_instructions}).
 * Every problem names the file and line, so a project author can fix it from the startup log.
 */
public final class ApiFileReader {

    /** A file that cannot be served, and where to look. */
    public static class InvalidApiFile extends Exception {
        InvalidApiFile(Path file, int line, String message) {
            super(file + ":" + line + ": " + message, null, false, false);
        }
    }

    private final Path file;

    private ApiFileReader(Path file) {
        this.file = file;
    }

    public static String apiName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    public static ApiDefinition read(Path file) throws InvalidApiFile {
        return new ApiFileReader(file).read();
    }

    private ApiDefinition read() throws InvalidApiFile {
        String name = apiName(file);
        if (!name.matches("[A-Za-z0-9_-]+") || name.equals("openapi")) {
            throw new InvalidApiFile(file, 1, "an API name (the file name) must use letters, digits, '_' or '-' and not be 'openapi'");
        }
        Map<String, Node> root = mapping(compose(), Set.of("type", "sql", "security", "openapi", "ai_instructions"), "the file");
        String type = Optional.ofNullable(root.get("type")).map(this::textOrNull).orElse(null);
        if (!"api".equals(type)) {
            throw new InvalidApiFile(file, 1, "'type: api' is required");
        }
        Node sqlNode = require(root, "sql", "the file");
        SqlTemplate sql = template(sqlNode);
        Optional<SecurityPolicy> security = root.containsKey("security") ? Optional.of(security(root.get("security")))
                : Optional.empty();
        Map<String, Node> openapi = root.containsKey("openapi")
                ? mapping(root.get("openapi"), Set.of("summary", "description", "request", "response"), "openapi") : Map.of();
        List<ApiParameter> declared = openapi.containsKey("request") ? parameters(openapi.get("request")) : List.of();
        List<ApiParameter> parameters = ApiDefinition.withInferred(declared, sql, security);
        return new ApiDefinition(name, text(openapi.get("summary")), text(openapi.get("description")),
                text(root.get("ai_instructions")), sql, security, parameters);
    }

    private Node compose() throws InvalidApiFile {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                throw new InvalidApiFile(file, 1, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            throw new InvalidApiFile(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new InvalidApiFile(file, 1, "cannot be read: " + e.getMessage());
        }
    }

    private SecurityPolicy security(Node node) throws InvalidApiFile {
        Map<String, Node> fields = mapping(node, Set.of("access", "row_filter", "include", "exclude"), "security");
        return new SecurityPolicy(optionalTemplate(fields.get("access")), optionalTemplate(fields.get("row_filter")),
                rules(fields.get("include"), "include"), rules(fields.get("exclude"), "exclude"));
    }

    private List<ColumnRule> rules(Node node, String what) throws InvalidApiFile {
        if (node == null) {
            return List.of();
        }
        List<ColumnRule> rules = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            Map<String, Node> fields = mapping(item, Set.of("if", "names"), what + " item");
            SqlTemplate condition = template(require(fields, "if", what + " item"));
            Node names = require(fields, "names", what + " item");
            if (names instanceof ScalarNode scalar && "*".equals(scalar.getValue())) {
                rules.add(new ColumnRule(condition, true, Set.of()));
            } else {
                Set<String> columns = new HashSet<>();
                for (Node column : sequence(names, what + " names (a list of columns, or '*')")) {
                    columns.add(text(column).toLowerCase(java.util.Locale.ROOT));
                }
                rules.add(new ColumnRule(condition, false, columns));
            }
        }
        return rules;
    }

    private List<ApiParameter> parameters(Node request) throws InvalidApiFile {
        Map<String, Node> fields = mapping(request, Set.of("parameters"), "openapi.request");
        if (!fields.containsKey("parameters")) {
            return List.of();
        }
        List<ApiParameter> parameters = new ArrayList<>();
        for (Node item : sequence(fields.get("parameters"), "openapi.request.parameters")) {
            Map<String, Node> p = mapping(item, Set.of("name", "in", "description", "required", "schema"), "a parameter");
            String name = text(require(p, "name", "a parameter"));
            Map<String, Node> schema = p.containsKey("schema") ? mapping(p.get("schema"), Set.of("type", "format"), "schema")
                    : Map.of();
            String type = schema.containsKey("type") ? text(schema.get("type")) : "string";
            if (!ApiParameter.TYPES.contains(type)) {
                throw new InvalidApiFile(file, line(schema.get("type")), "parameter type must be one of " + ApiParameter.TYPES);
            }
            boolean required = !p.containsKey("required") || Boolean.parseBoolean(text(p.get("required")));
            parameters.add(new ApiParameter(name, type, text(schema.get("format")), required, text(p.get("description"))));
        }
        return parameters;
    }

    private Optional<SqlTemplate> optionalTemplate(Node node) throws InvalidApiFile {
        return node == null ? Optional.empty() : Optional.of(template(node));
    }

    private SqlTemplate template(Node node) throws InvalidApiFile {
        if (!(node instanceof ScalarNode scalar)) {
            throw new InvalidApiFile(file, line(node), "expected SQL text");
        }
        try {
            return SqlTemplate.parse(scalar.getValue());
        } catch (SqlTemplate.TemplateException e) {
            boolean block = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
            throw new InvalidApiFile(file, line(node) + e.line() - 1 + (block ? 1 : 0), e.getMessage());
        }
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed, String what) throws InvalidApiFile {
        if (!(node instanceof MappingNode mapping)) {
            throw new InvalidApiFile(file, line(node), what + " must be a mapping of fields");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                throw new InvalidApiFile(file, line(tuple.getKeyNode()),
                        "unknown field '" + key + "' in " + what + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> sequence(Node node, String what) throws InvalidApiFile {
        if (!(node instanceof SequenceNode sequence)) {
            throw new InvalidApiFile(file, line(node), what + " must be a list");
        }
        return sequence.getValue();
    }

    private Node require(Map<String, Node> fields, String key, String what) throws InvalidApiFile {
        Node node = fields.get(key);
        if (node == null) {
            throw new InvalidApiFile(file, 1, "'" + key + "' is required in " + what);
        }
        return node;
    }

    private String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private String textOrNull(Node node) {
        return text(node);
    }

    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
