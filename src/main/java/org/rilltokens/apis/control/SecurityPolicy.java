package org.rilltokens.apis.control;

import java.util.List;
import java.util.Optional;

/**
 * An API's {@code security} block. Without {@code access} nobody is admitted; {@code rowFilter} is a SQL
 * condition on the API's result columns; {@code include}/{@code exclude} drop columns per caller.
 */
public record SecurityPolicy(Optional<SqlTemplate> access, Optional<SqlTemplate> rowFilter, List<ColumnRule> include,
        List<ColumnRule> exclude) {

    public SecurityPolicy {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public List<SqlTemplate> templates() {
        List<SqlTemplate> all = new java.util.ArrayList<>();
        access.ifPresent(all::add);
        rowFilter.ifPresent(all::add);
        include.forEach(rule -> all.add(rule.condition()));
        exclude.forEach(rule -> all.add(rule.condition()));
        return all;
    }
}
