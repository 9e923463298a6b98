package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConfiguredDataSourceTest {

    @Test
    void connectsAsTheConfiguredUserThroughTheDriverTheUrlNames() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource("jdbc:h2:mem:configured;DB_CLOSE_DELAY=-1", "rill", "secret");

        try (Connection first = dataSource.getConnection(); ResultSet user = first.createStatement().executeQuery("SELECT CURRENT_USER")) {
            user.next();
            assertThat(user.getString(1)).isEqualToIgnoringCase("rill");
            first.createStatement().execute("CREATE TABLE kept (id INT)");
        }
        try (Connection second = dataSource.getConnection()) {
            assertThat(second.getMetaData().getTables(null, null, "KEPT", null).next()).as("the same database").isTrue();
        }
        assertThatThrownBy(() -> dataSource.getConnection("rill", "wrong").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void anUnreachableDatabaseIsLoggedOnceInOneLineNamingTheSettings() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource("jdbc:h2:tcp://127.0.0.1:1/nowhere", "rill", "x");
        java.util.List<String> logged = new java.util.ArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(ConfiguredDataSource.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord entry) {
                logged.add(entry.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
            }
        } finally {
            log.removeHandler(handler);
        }
        assertThat(logged).singleElement().asString().startsWith("rill-tokens cannot use the database at jdbc:h2:tcp://127.0.0.1:1/nowhere")
                .contains("Connection is broken", "Check RILL_DB_URL, RILL_DB_USER and RILL_DB_PASSWORD").doesNotContain("\n");
    }

    @Test
    void aUrlNoIncludedDriverAcceptsIsRefusedAtOnceWithoutItsCredentials() {
        assertThatThrownBy(() -> new ConfiguredDataSource("jdbc:mysql://db/rill?user=admin&password=hunter2", "rill", "x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No JDBC driver of this build accepts jdbc:mysql://db/rill")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("admin");
    }
}
