package org.rilltokens.apis.control;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Where one project's APIs read their data, through a pool of connections kept for the project (H2's own for the
 * in-memory database, HikariCP for a JDBC URL). By default an
 * in-memory database private to the project, filled from the project's CSV files, that API queries reach only as
 * a read-only user: such a user cannot open files or other databases (H2 reserves FILE_READ, CSVREAD,
 * LINK_SCHEMA, CREATE ALIAS to admins), and nothing else — the application's own tables, other projects — lives
 * in that database. Optionally a JDBC URL of the project's own database, whose grants are then the operator's to set.
 */
public final class ProjectData implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource pool;
    private final Runnable closing;
    private final String url;
    private final String ownerPassword;
    private final List<String> tables;

    private ProjectData(DataSource pool, Runnable closing, String url, String ownerPassword, List<String> tables) {
        this.pool = pool;
        this.closing = closing;
        this.url = url;
        this.ownerPassword = ownerPassword;
        this.tables = List.copyOf(tables);
    }

    /** @throws InvalidProjectFile for a CSV file that cannot be loaded */
    public static ProjectData embedded(List<Path> csvFiles) throws InvalidProjectFile, SQLException {
        String url = "jdbc:h2:mem:rill-project-" + UUID.randomUUID();
        // Database settings go with the owner's first connection: H2 lets only admins set them.
        String creation = url + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        String ownerPassword = secret();
        String readerPassword = secret();
        List<String> tables = new ArrayList<>();
        // The first user of a new H2 database is its admin.
        try (Connection owner = DriverManager.getConnection(creation, "owner", ownerPassword);
                Statement statement = owner.createStatement()) {
            for (Path csv : csvFiles) {
                tables.add(CsvTable.load(csv, owner));
            }
            statement.execute("CREATE USER reader PASSWORD '" + readerPassword + "'");
            for (String table : tables) {
                statement.execute("GRANT SELECT ON \"" + table + "\" TO reader");
            }
        } catch (InvalidProjectFile | SQLException | RuntimeException e) {
            shutdown(url, ownerPassword);
            throw e;
        }
        JdbcConnectionPool readers = JdbcConnectionPool.create(url, "reader", readerPassword);
        return new ProjectData(readers, readers::dispose, url, ownerPassword, tables);
    }

    /** @param threads where the pool's own threads (connection adder, housekeeper) come from: the container's */
    public static ProjectData external(String url, String user, String password, ThreadFactory threads) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setThreadFactory(threads);
        // Connections are opened on the first call and closed after idling, not held on the operator's database.
        config.setMinimumIdle(0);
        // A database that is down at startup fails its calls, not the loading of every project.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pooled = new HikariDataSource(config);
        return new ProjectData(pooled, pooled::close, url, null, List.of());
    }

    /** A pooled connection; closing it gives it back. */
    public Connection open() throws SQLException {
        return pool.getConnection();
    }

    public List<String> tables() {
        return tables;
    }

    /** Closes the pool and frees an embedded database; an external one is left alone. */
    @Override
    public void close() {
        closing.run();
        if (ownerPassword != null) {
            shutdown(url, ownerPassword);
        }
    }

    private static void shutdown(String url, String ownerPassword) {
        try (Connection owner = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "owner", ownerPassword);
                Statement statement = owner.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already gone: nothing to free.
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
