package org.rilltokens.tokens.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.rilltokens.platform.ClusterEpoch;
import org.rilltokens.platform.CountedMemory;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.control.TokenUses;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * The check of a bearer token, which every API request pays for. A token this node has checked lately is answered
 * from memory: its secret's hash is compared again and its expiry checked against the clock on every use, and the
 * memory is used only under the {@link ClusterEpoch} count it was made under, so a revocation, rotation, deactivation
 * or any other change to a token or its owner on any node is seen on the very next request. Otherwise (and whenever
 * this node has lost the count) one keyed query over plain JDBC for the token and its owner (a second one only for a
 * token restricted to projects), outside any transaction, without building an entity. Only tokens that were accepted
 * are remembered: an unknown or refused one is looked up again every time.
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

    @Inject
    Clock clock;

    @Inject
    TokenUses uses;

    @Inject
    ClusterEpoch epoch;

    /** What a token was found to be. */
    private record Remembered(TokenCaller caller, String secretHash, Instant expires, Instant secretExpires) {
    }

    /** The tokens this node accepted lately, by id, remembered under the cluster's change count. */
    private CountedMemory<UUID, Remembered> remembered;

    @PostConstruct
    void remember() {
        remembered = new CountedMemory<>(epoch);
    }

    /**
     * Who a bearer string acts for, if it is well formed, known, usable and its owner active; a malformed string is
     * refused before the database is asked. A successful use is noted as the token's last use.
     */
    public Optional<TokenCaller> authenticate(String bearer, String ip, String userAgent) {
        Optional<PlainToken> plain = PlainToken.parse(bearer);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<TokenCaller> caller = caller(plain.get(), now);
        caller.ifPresent(found -> uses.record(found.tokenId(), now, ip, userAgent));
        return caller;
    }

    /** A remembered token is still checked on every use: its secret against the hash, and its expiry. */
    private Optional<TokenCaller> caller(PlainToken plain, Instant now) {
        return remembered.get(plain.id(), () -> lookUp(plain, now))
                .filter(known -> plain.matches(known.secretHash())
                        && UserToken.isUsableAt(now, null, known.expires(), known.secretExpires()))
                .map(Remembered::caller);
    }

    /** The token and its owner as the database has them now, if the token is usable and its owner active. */
    private Optional<Remembered> lookUp(PlainToken plain, Instant now) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(TOKEN)) {
            query.setObject(1, plain.id());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !plain.matches(row.getString(1)) || !row.getBoolean(12)) {
                    return Optional.empty();
                }
                // Plain getters: a container's JDBC wrapper may answer getObject(i, Class) by reflection on every call.
                Instant created = row.getTimestamp(2).toInstant();
                Instant expires = instant(row.getTimestamp(3));
                Instant secretExpires = instant(row.getTimestamp(5));
                if (!UserToken.isUsableAt(now, instant(row.getTimestamp(4)), expires, secretExpires)) {
                    return Optional.empty();
                }
                Set<String> projects = row.getBoolean(7) ? projects(connection, plain.id()) : null;
                TokenScope scope = UserToken.scope(row.getBoolean(6), projects, created, expires);
                TokenCaller caller = new TokenCaller(UUID.fromString(row.getString(8)), row.getString(9), row.getString(10),
                        row.getBoolean(11), plain.id(), scope);
                return Optional.of(new Remembered(caller, row.getString(1), expires, secretExpires));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The token could not be checked: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
