package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseDefaultsTest {

    @Test
    void dataSourceClassFollowsTheUrl() {
        assertThat(DatabaseDefaults.dataSourceClassFor("jdbc:postgresql://localhost/rill")).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
        assertThat(DatabaseDefaults.dataSourceClassFor("jdbc:h2:file:./data/rill")).isEqualTo("org.h2.jdbcx.JdbcDataSource");
        assertThat(DatabaseDefaults.dataSourceClassFor(null)).isEqualTo("org.h2.jdbcx.JdbcDataSource");
    }
}
