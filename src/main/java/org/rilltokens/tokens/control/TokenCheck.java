package org.rilltokens.tokens.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * The check of a bearer token, which every API request pays for: one keyed query over plain JDBC for the token
 * and its owner (a second one only for a token restricted to projects), outside any transaction and without
 * building an entity. Nothing is cached: a token revoked or expired, or whose owner was deactivated, on any node,
 * is refused on the very next request, because this query reads the row the change wrote.
 */
@ApplicationScoped
public class TokenCheck {

    private static final String TOKEN = "SELECT t.secret_hash, t.created_on, t.expires_on, t.revoked_on, t.secret_expires_on,"
            + " t.read_only, t.restricted, u.id, u.email, u.display_name, u.superuser, u.active"
            + " FROM user_tokens t JOIN users u ON u.id = t.owner_id WHERE t.id = ?";
    private static final String PROJECTS = "SELECT o.name, p.name FROM user_token_projects r"
            + " JOIN projects p ON p.id = r.project_id JOIN organizations o ON o.id = p.org_id WHERE r.token_id = ?";

    @Resource(lookup = "java:app/jdbc/rill")
    DataSource database;

    /** Who the token acts for, when its secret matches, it is usable at {@code now} and its owner is active. */
    public Optional<TokenCaller> caller(PlainToken plain, Instant now) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(TOKEN)) {
            query.setObject(1, plain.id());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !plain.matches(row.getString(1)) || !row.getBoolean(12)) {
                    return Optional.empty();
                }
                OffsetDateTime created = row.getObject(2, OffsetDateTime.class);
                OffsetDateTime expires = row.getObject(3, OffsetDateTime.class);
                if (!UserToken.isUsableAt(now, row.getObject(4, OffsetDateTime.class), expires,
                        row.getObject(5, OffsetDateTime.class))) {
                    return Optional.empty();
                }
                Set<String> projects = row.getBoolean(7) ? projects(connection, plain.id()) : null;
                TokenScope scope = TokenScope.of(row.getBoolean(6), projects)
                        .living(Optional.ofNullable(expires).map(end -> Duration.between(created, end)));
                return Optional.of(new TokenCaller(row.getObject(8, UUID.class), row.getString(9), row.getString(10),
                        row.getBoolean(11), plain.id(), scope));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The token could not be checked: " + e.getMessage(), e);
        }
    }

    private static Set<String> projects(Connection connection, UUID tokenId) throws SQLException {
        Set<String> paths = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(PROJECTS)) {
            query.setObject(1, tokenId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    paths.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
        }
        return paths;
    }
}
