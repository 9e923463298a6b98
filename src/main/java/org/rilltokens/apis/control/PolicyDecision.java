package org.rilltokens.apis.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an API's security policy decides for one caller: whether its access rule admits them, and which column
 * rules hold. Every condition is evaluated with the caller's values in a single statement (one round trip, not one
 * per rule); a condition that is just {@code true} needs none.
 */
record PolicyDecision(boolean admitted, List<ColumnRule> included, List<ColumnRule> excluded) {

    /** One condition to evaluate; {@code unknownHolds}: what it counts as when NULL (e.g. over a missing attribute). */
    private record Check(SqlTemplate condition, boolean unknownHolds) {
    }

    /** @param columns whether to decide the column rules too, or only access (for listing what a caller may call) */
    static PolicyDecision of(Connection connection, SecurityPolicy policy, Map<SqlTemplate.Placeholder, Object> values,
            boolean columns, int timeoutSeconds) throws SQLException {
        if (policy.access().isEmpty()) {
            // A security block without an access rule admits nobody.
            return new PolicyDecision(false, List.of(), List.of());
        }
        List<Check> checks = new ArrayList<>(List.of(new Check(policy.access().get(), false)));
        if (columns) {
            policy.include().forEach(rule -> checks.add(new Check(rule.condition(), false)));
            // Unknown hides: an exclude rule over a missing attribute must not reveal the column.
            policy.exclude().forEach(rule -> checks.add(new Check(rule.condition(), true)));
        }
        boolean[] holds = evaluate(connection, checks, values, timeoutSeconds);
        List<ColumnRule> included = new ArrayList<>();
        List<ColumnRule> excluded = new ArrayList<>();
        for (int i = 0; columns && i < policy.include().size(); i++) {
            if (holds[1 + i]) {
                included.add(policy.include().get(i));
            }
        }
        for (int i = 0; columns && i < policy.exclude().size(); i++) {
            if (holds[1 + policy.include().size() + i]) {
                excluded.add(policy.exclude().get(i));
            }
        }
        return new PolicyDecision(holds[0], included, excluded);
    }

    private static boolean[] evaluate(Connection connection, List<Check> checks, Map<SqlTemplate.Placeholder, Object> values,
            int timeoutSeconds) throws SQLException {
        boolean[] holds = new boolean[checks.size()];
        List<Integer> asked = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (check.condition().placeholders().isEmpty() && check.condition().source().strip().equalsIgnoreCase("true")) {
                holds[i] = true;
                continue;
            }
            SqlTemplate.Bound bound = check.condition().bind(values);
            tests.add("CASE WHEN (" + bound.sql() + ")" + (check.unknownHolds() ? " IS NOT FALSE" : "") + " THEN 1 ELSE 0 END");
            parameters.addAll(bound.parameters());
            asked.add(i);
        }
        if (asked.isEmpty()) {
            return holds;
        }
        try (PreparedStatement statement = ApiCall.prepare(connection, "SELECT " + String.join(", ", tests), parameters,
                timeoutSeconds); ResultSet result = statement.executeQuery()) {
            boolean row = result.next();
            for (int j = 0; j < asked.size(); j++) {
                holds[asked.get(j)] = row && result.getInt(j + 1) == 1;
            }
        }
        return holds;
    }

    /** The result without the columns this caller may not see. */
    ApiCall.Result visible(SecurityPolicy policy, ApiCall.Result result) {
        Map<Integer, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < result.columns().size(); i++) {
            String column = result.columns().get(i);
            boolean in = policy.include().isEmpty() || included.stream().anyMatch(rule -> rule.covers(column));
            if (in && excluded.stream().noneMatch(rule -> rule.covers(column))) {
                kept.put(i, column);
            }
        }
        List<List<Object>> rows = result.rows().stream()
                .map(row -> kept.keySet().stream().map(row::get).toList()).toList();
        return new ApiCall.Result(List.copyOf(kept.values()), rows);
    }
}
