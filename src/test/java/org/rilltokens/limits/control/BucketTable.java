package org.rilltokens.limits.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The table {@code rate_limit_buckets} as the migrations leave it, in an H2 database in memory, and a clock the test
 * moves by hand: what every node's {@link DatabaseBuckets} shares.
 */
final class BucketTable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String url = "jdbc:h2:mem:buckets-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    volatile Instant now;
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    BucketTable(Instant start) {
        now = start;
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String migration : List.of("V7__rate_limits.sql", "V13__rate_limit_buckets_bucket4j.sql")) {
                for (String sql : script(migration).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = BucketTable.class.getResourceAsStream("/db/migration/common/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
        }
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** One node's view: each use a transaction of its own. */
    DatabaseBuckets node() {
        return new DatabaseBuckets(this::connection, true, clock);
    }

    int rows() {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM rate_limit_buckets")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
