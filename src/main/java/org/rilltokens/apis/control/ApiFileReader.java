package org.rilltokens.apis.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one API file (Rill's {@code type: api} subset: {@code sql}, {@code security}, {@code openapi},
 * {@code ai_instructions}) into an {@link ApiDefinition}. Every problem names the file and line, so a project author can fix it.
 */
public final class ApiFileReader {

    private final YamlFile yaml;

    private ApiFileReader(YamlFile yaml) {
        this.yaml = yaml;
    }

    public static String apiName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    public static ApiDefinition read(Path file) throws InvalidProjectFile {
        String name = apiName(file);
        if (!name.matches("[A-Za-z0-9_-]+") || name.equals("openapi")) {
            throw new InvalidProjectFile(file, 1, "an API name (the file name) must use letters, digits, '_' or '-' and not be 'openapi'");
        }
        return new ApiFileReader(YamlFile.read(file)).read(name);
    }

    private ApiDefinition read(String name) throws InvalidProjectFile {
        ApiFile api = yaml.bind(ApiFile.class).orElseThrow(() -> yaml.problem(1, "the file is empty"));
        if (!"api".equals(api.type())) {
            throw yaml.problem(1, "'type: api' is required");
        }
        if (api.sql() == null) {
            throw yaml.problem(1, "'sql' is required in the file");
        }
        SqlTemplate sql = template(api.sql(), "sql");
        Optional<SecurityPolicy> security = api.security() == null ? Optional.empty() : Optional.of(security(api.security()));
        Optional<ApiFile.OpenApi> openapi = Optional.ofNullable(api.openapi());
        List<ApiParameter> declared = parameters(openapi.map(ApiFile.OpenApi::request).map(ApiFile.Request::parameters)
                .orElse(List.of()));
        return new ApiDefinition(name, openapi.map(ApiFile.OpenApi::summary).orElse(null),
                openapi.map(ApiFile.OpenApi::description).orElse(null), api.aiInstructions(), sql, security,
                ApiDefinition.withInferred(declared, sql, security));
    }

    private SecurityPolicy security(ApiFile.Security security) throws InvalidProjectFile {
        return new SecurityPolicy(optionalTemplate(security.access(), "security.access"),
                optionalTemplate(security.rowFilter(), "security.row_filter"),
                rules(security.include(), "include"), rules(security.exclude(), "exclude"));
    }

    private List<ColumnRule> rules(List<ApiFile.Rule> items, String what) throws InvalidProjectFile {
        List<ColumnRule> rules = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ApiFile.Rule item = items.get(i);
            String path = "security." + what + "[" + i + "]";
            if (item.condition() == null || item.names() == null) {
                throw yaml.problem(yaml.line(path), "'" + (item.condition() == null ? "if" : "names") + "' is required in " + path);
            }
            SqlTemplate condition = template(item.condition(), path + ".if");
            JsonNode names = item.names();
            if (names.isTextual() && names.asText().equals("*")) {
                rules.add(new ColumnRule(condition, true, Set.of()));
            } else {
                rules.add(new ColumnRule(condition, false, columns(names, path + ".names")));
            }
        }
        return rules;
    }

    private Set<String> columns(JsonNode names, String path) throws InvalidProjectFile {
        if (!names.isArray() || !names.valueStream().allMatch(JsonNode::isValueNode)) {
            throw yaml.problem(yaml.line(path), path + " must be a list of columns, or '*'");
        }
        return Set.copyOf(names.valueStream().map(column -> column.asText().toLowerCase(Locale.ROOT)).toList());
    }

    private List<ApiParameter> parameters(List<ApiFile.Parameter> items) throws InvalidProjectFile {
        List<ApiParameter> parameters = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ApiFile.Parameter item = items.get(i);
            String path = "openapi.request.parameters[" + i + "]";
            if (item.name() == null) {
                throw yaml.problem(yaml.line(path), "'name' is required in " + path);
            }
            Optional<ApiFile.Schema> schema = Optional.ofNullable(item.schema());
            String type = schema.map(ApiFile.Schema::type).orElse("string");
            if (!ApiParameter.TYPES.contains(type)) {
                throw yaml.problem(yaml.line(path + ".schema.type"), "parameter type must be one of " + ApiParameter.TYPES);
            }
            parameters.add(new ApiParameter(item.name(), type, schema.map(ApiFile.Schema::format).orElse(null),
                    item.required() == null || item.required(), item.description()));
        }
        return parameters;
    }

    private Optional<SqlTemplate> optionalTemplate(String sql, String path) throws InvalidProjectFile {
        return sql == null ? Optional.empty() : Optional.of(template(sql, path));
    }

    private SqlTemplate template(String sql, String path) throws InvalidProjectFile {
        try {
            return SqlTemplate.parse(sql);
        } catch (SqlTemplate.TemplateException e) {
            throw yaml.problem(yaml.textLine(path) + e.line() - 1, e.getMessage());
        }
    }
}
