package org.rilltokens.platform;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Picks the JDBC data source class from the database URL, so that switching to PostgreSQL takes
 * only the URL, user and password. An explicit {@code RILL_DB_CLASS} still wins (higher ordinal).
 */
public class DatabaseDefaults implements ConfigSource {

    static final String CLASS_KEY = "rill.db.class";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(CLASS_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return CLASS_KEY.equals(propertyName) ? dataSourceClassFor(configuredUrl()) : null;
    }

    static String dataSourceClassFor(String url) {
        return url != null && url.startsWith("jdbc:postgresql:") ? "org.postgresql.ds.PGSimpleDataSource"
                : "org.h2.jdbcx.JdbcDataSource";
    }

    private static String configuredUrl() {
        String fromProperty = System.getProperty("rill.db.url");
        return fromProperty != null ? fromProperty : System.getenv("RILL_DB_URL");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(CLASS_KEY, getValue(CLASS_KEY));
    }

    @Override
    public int getOrdinal() {
        // Above microprofile-config.properties (100), below environment variables (300).
        return 150;
    }

    @Override
    public String getName() {
        return "rill-tokens database defaults";
    }
}
