package org.rilltokens.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything touches JPA. Startup beans that use the database
 * declare {@code @DependsOn("DatabaseMigration")}: the order of startup beans is otherwise not fixed.
 * The database is chosen by configuration alone (see microprofile-config.properties and ConfiguredDataSource).
 * When the database cannot be reached, or its schema is newer than this build, the deployment fails with one
 * clear line; the server itself keeps running (it may serve other applications). bin/rill-server checks the
 * same before it starts Payara Micro (Preflight) and then exits with code 3 instead.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "org.rilltokens.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
// Flyway commits each migration itself.
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/rill";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "rill.db.url")
    String url;

    @PostConstruct
    void migrate() {
        // db/migration/common holds the marker file flyway.location: class loaders that list no folders (OpenLiberty's)
        // need it. So does db/callback, which Flyway always looks for (and logs an error where it finds nothing).
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load();
        try {
            refuseFutureSchema(flyway);
            MigrateResult result = flyway.migrate();
            LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied now)",
                    new Object[] {result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                        result.migrationsExecuted});
        } catch (FlywayException e) {
            stop("rill-tokens cannot start: the database at " + safeUrl() + " cannot be used: " + rootMessage(e)
                    + ". Check RILL_DB_URL, RILL_DB_USER and RILL_DB_PASSWORD and that the database is running.");
        } catch (IllegalStateException e) {
            stop(e.getMessage());
        }
    }

    private void refuseFutureSchema(Flyway flyway) {
        Optional<MigrationInfo> future = Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (future.isPresent()) {
            throw new IllegalStateException("rill-tokens cannot start: the database schema at " + safeUrl()
                    + " is at version " + future.get().getVersion() + ", newer than this build knows ("
                    + Optional.ofNullable(flyway.info().current()).map(i -> i.getVersion().toString()).orElse("none")
                    + " and below). Run the newer rill-tokens build, or restore a backup taken before the upgrade.");
        }
    }

    /** Fails the deployment: the message is the one line to read, the exception only carries it out. */
    private void stop(String message) {
        LOG.severe(message);
        throw new IllegalStateException(message);
    }

    /** The JDBC URL without credentials that some drivers accept inside it. */
    private String safeUrl() {
        return url == null ? "(unset)" : Preflight.masked(url);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName()).split("\n")[0];
    }
}
