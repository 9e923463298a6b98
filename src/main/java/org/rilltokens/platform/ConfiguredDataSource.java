package org.rilltokens.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database the settings name (RILL_DB_URL, RILL_DB_USER, RILL_DB_PASSWORD, read through MicroProfile Config
 * with the defaults of microprofile-config.properties), as the data source class of the application's
 * {@code @DataSourceDefinition}: the server's pool creates it by name, and it connects through whichever JDBC
 * driver in the application (H2 and PostgreSQL are in the WAR) accepts the URL. So the annotation carries no
 * setting and no server-specific placeholder. A server that binds {@code java:app/jdbc/rill} to a data source
 * of its own (OpenLiberty, see server-config/openliberty) never creates this class.
 *
 * <p>When the database cannot be reached, the first failed connection says so in one line naming the setting to
 * check: on Payara the persistence unit connects while the application deploys, before anything else can.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private final AtomicBoolean failing = new AtomicBoolean();
    private PrintWriter logWriter;
    private int loginTimeout;

    /** Created by the server's connection pool, from the application's settings. */
    public ConfiguredDataSource() throws SQLException {
        this(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
    }

    private ConfiguredDataSource(Config config) throws SQLException {
        this(config.getValue("rill.db.url", String.class), config.getValue("rill.db.user", String.class),
                config.getValue("rill.db.password", String.class));
    }

    ConfiguredDataSource(String url, String user, String password) throws SQLException {
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        this.driver = driverFor(url);
    }

    /** Found through the application's class loader, not DriverManager, which only sees the server's drivers. */
    private static Driver driverFor(String url) throws SQLException {
        for (Driver candidate : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) {
                return candidate;
            }
        }
        throw new SQLException("No JDBC driver of this build accepts " + Preflight.masked(url)
                + " (H2 and PostgreSQL are included: jdbc:h2:… or jdbc:postgresql://…)", "08001");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(credentials);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties given = new Properties();
        given.setProperty("user", user);
        given.setProperty("password", password);
        return connect(given);
    }

    private Connection connect(Properties as) throws SQLException {
        try {
            Connection connection = driver.connect(url, as);
            failing.set(false);
            return connection;
        } catch (SQLException e) {
            if (failing.compareAndSet(false, true)) {
                String reason = String.valueOf(e.getMessage()).split("\n")[0].strip();
                LOG.severe("rill-tokens cannot use the database at " + Preflight.masked(url) + ": " + reason
                        + (reason.endsWith(".") ? "" : ".")
                        + " Check RILL_DB_URL, RILL_DB_USER and RILL_DB_PASSWORD and that the database is running.");
            }
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Kept for the pool to read back; the drivers' own connect timeouts apply. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
