package org.rilltokens.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything touches JPA. Startup beans that use the database
 * declare {@code @DependsOn("DatabaseMigration")}: the order of startup beans is otherwise not fixed.
 * The database is chosen by configuration alone (see microprofile-config.properties).
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "${MPCONFIG=rill.db.class}",
        url = "${MPCONFIG=rill.db.url}",
        user = "${MPCONFIG=rill.db.user}",
        password = "${MPCONFIG=rill.db.password}",
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

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied now)",
                new Object[] {result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted});
    }
}
