package org.rilltokens.apis.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One custom API of a project, as its YAML file defines it; {@code aiInstructions} (Rill's {@code ai_instructions},
 * optional) is what its authors tell AI assistants about using it.
 */
public record ApiDefinition(String name, String summary, String description, String aiInstructions, SqlTemplate sql,
        Optional<SecurityPolicy> security, List<ApiParameter> parameters) {

    public ApiDefinition {
        parameters = List.copyOf(parameters);
    }

    public Optional<ApiParameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** Declared parameters first, then every other {@code .args} name the SQL and policy use. */
    static List<ApiParameter> withInferred(List<ApiParameter> declared, SqlTemplate sql, Optional<SecurityPolicy> security) {
        Map<String, ApiParameter> all = new LinkedHashMap<>();
        declared.forEach(parameter -> all.put(parameter.name(), parameter));
        List<SqlTemplate> templates = new java.util.ArrayList<>(List.of(sql));
        security.ifPresent(policy -> templates.addAll(policy.templates()));
        templates.stream().flatMap(template -> template.placeholders().stream())
                .filter(placeholder -> placeholder.scope() == SqlTemplate.Scope.ARGS)
                .forEach(placeholder -> all.putIfAbsent(placeholder.name(), ApiParameter.inferred(placeholder.name())));
        return List.copyOf(all.values());
    }
}
