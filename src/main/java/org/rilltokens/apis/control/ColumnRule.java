package org.rilltokens.apis.control;

import java.util.Set;

/** An {@code include} or {@code exclude} item: when {@code condition} holds, these columns ({@code all} for '*'). */
public record ColumnRule(SqlTemplate condition, boolean all, Set<String> names) {

    public ColumnRule {
        names = Set.copyOf(names);
    }

    public boolean covers(String column) {
        return all || names.contains(column);
    }
}
