package org.rilltokens.apis.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.access.control.PolicyAttributes;
import org.rilltokens.platform.DomainException;

/**
 * Runs one custom API for one caller: checks the arguments, evaluates the security policy with the
 * caller's attributes (as bound parameters, the same way as the query), runs the query within the time
 * and row limits, and drops the columns the policy hides from this caller.
 */
public final class ApiCall {

    /** Columns in query order, and the rows' values in the same order. */
    public record Result(List<String> columns, List<List<Object>> rows) {
    }

    private final ProjectData data;
    private final int timeoutSeconds;
    private final int maxRows;

    /** @param timeout how long each statement may run, in whole seconds (JDBC's unit); at least one */
    public ApiCall(ProjectData data, Duration timeout, int maxRows) {
        this.data = data;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.maxRows = maxRows;
    }

    /**
     * @param arguments what the caller sent: String, BigDecimal, Boolean or null values, by name
     */
    public Result run(ApiDefinition api, Map<String, Object> arguments, PolicyAttributes user) {
        Map<SqlTemplate.Placeholder, Object> values = values(api, arguments, user);
        try (Connection connection = data.open()) {
            if (api.security().isEmpty()) {
                return query(connection, api, Optional.empty(), values);
            }
            SecurityPolicy policy = api.security().get();
            PolicyDecision decision = PolicyDecision.of(connection, policy, values, true, timeoutSeconds);
            if (!decision.admitted()) {
                throw new DomainException(DomainException.Kind.FORBIDDEN, null,
                        "The security policy of API '" + api.name() + "' does not admit you", List.of());
            }
            return decision.visible(policy, query(connection, api, policy.rowFilter(), values));
        } catch (SQLException e) {
            throw failure(api, e);
        }
    }

    /**
     * Whether the API's access rule admits this caller, judged without arguments (an access rule that uses
     * arguments sees them as NULL). For listing what a caller may call; calls still check with their arguments.
     */
    public boolean admits(ApiDefinition api, PolicyAttributes user) {
        if (api.security().isEmpty()) {
            return true;
        }
        try (Connection connection = data.open()) {
            return PolicyDecision.of(connection, api.security().get(), userValues(user), false, timeoutSeconds).admitted();
        } catch (SQLException e) {
            return false;
        }
    }

    static Map<SqlTemplate.Placeholder, Object> values(ApiDefinition api, Map<String, Object> arguments, PolicyAttributes user) {
        arguments.keySet().stream().filter(name -> api.parameter(name).isEmpty()).findFirst().ifPresent(name -> {
            throw DomainException.invalid(name, "Unknown argument '" + name + "'; API '" + api.name() + "' takes "
                    + (api.parameters().isEmpty() ? "no arguments" : api.parameters().stream().map(ApiParameter::name).toList()));
        });
        Map<SqlTemplate.Placeholder, Object> values = new HashMap<>();
        for (ApiParameter parameter : api.parameters()) {
            Object raw = arguments.get(parameter.name());
            if (raw == null && parameter.required()) {
                throw DomainException.invalid(parameter.name(), "Missing argument '" + parameter.name() + "'");
            }
            values.put(new SqlTemplate.Placeholder(SqlTemplate.Scope.ARGS, parameter.name()), convert(parameter, raw));
        }
        values.putAll(userValues(user));
        return values;
    }

    private static Map<SqlTemplate.Placeholder, Object> userValues(PolicyAttributes user) {
        Map<SqlTemplate.Placeholder, Object> values = new HashMap<>();
        user.byName().forEach((name, value) -> values.put(new SqlTemplate.Placeholder(SqlTemplate.Scope.USER, name), value));
        return values;
    }

    private static Object convert(ApiParameter parameter, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text) {
            return parameter.convert(text);
        }
        if (raw instanceof BigDecimal number) {
            return parameter.convert(number);
        }
        if (raw instanceof Boolean flag) {
            return parameter.convert(flag);
        }
        throw DomainException.invalid(parameter.name(), "Argument '" + parameter.name() + "' must be a single value");
    }

    private Result query(Connection connection, ApiDefinition api, Optional<SqlTemplate> rowFilter,
            Map<SqlTemplate.Placeholder, Object> values) throws SQLException {
        SqlTemplate.Bound query = api.sql().bind(values);
        String sql = query.sql().strip().replaceFirst(";\\s*$", "");
        List<Object> parameters = new ArrayList<>(query.parameters());
        if (rowFilter.isPresent()) {
            SqlTemplate.Bound filter = rowFilter.get().bind(values);
            sql = "SELECT * FROM (\n" + sql + "\n) rill_api_rows WHERE (" + filter.sql() + ")";
            parameters.addAll(filter.parameters());
        }
        try (PreparedStatement statement = prepare(connection, sql, parameters, timeoutSeconds)) {
            statement.setMaxRows(maxRows + 1);
            try (ResultSet rows = statement.executeQuery()) {
                return read(api, rows);
            }
        }
    }

    private Result read(ApiDefinition api, ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<List<Object>> result = new ArrayList<>();
        while (rows.next()) {
            if (result.size() == maxRows) {
                throw new DomainException(DomainException.Kind.RESULT_TOO_LARGE, null, "API '" + api.name()
                        + "' returns more than " + maxRows + " rows; narrow it down with its arguments", List.of());
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rows.getObject(i));
            }
            result.add(row);
        }
        return new Result(columns, result);
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters, int timeoutSeconds)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            // H2 2.2 honours it for the read-only user too: the statement stops with SQLState 57014. H2 keeps it per
            // connection and runs a SET on every call, so a pooled connection that has it already is left alone.
            if (statement.getQueryTimeout() != timeoutSeconds) {
                statement.setQueryTimeout(timeoutSeconds);
            }
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException e) {
            // A pooled connection outlives this call: leave no statement open on it.
            statement.close();
            throw e;
        }
    }

    private DomainException failure(ApiDefinition api, SQLException e) {
        // A pool that cannot connect says so; the database's own reason is its cause.
        SQLException reason = e.getCause() instanceof SQLException cause ? cause : e;
        String message = Optional.ofNullable(reason.getMessage()).orElse(reason.toString()).split("; SQL statement:")[0].strip();
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        if (state.startsWith("22")) {
            return DomainException.invalid(null, "An argument does not fit API '" + api.name() + "': " + message);
        }
        if (state.equals("57014")) {
            return new DomainException(DomainException.Kind.DEADLINE_EXCEEDED, null, "API '" + api.name()
                    + "' ran longer than " + timeoutSeconds + " s and was stopped", List.of());
        }
        return new DomainException(DomainException.Kind.API_FAILED, null, "API '" + api.name() + "' failed: " + message,
                List.of());
    }
}
