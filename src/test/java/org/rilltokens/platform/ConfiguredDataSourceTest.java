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
    void aUrlNoIncludedDriverAcceptsIsRefusedAtOnceWithoutItsCredentials() {
        assertThatThrownBy(() -> new ConfiguredDataSource("jdbc:mysql://db/rill?user=admin&password=hunter2", "rill", "x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No JDBC driver of this build accepts jdbc:mysql://db/rill")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("admin");
    }
}
