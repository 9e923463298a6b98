package org.rilltokens.apis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rilltokens.apis.control.SqlTemplate.Placeholder;
import org.rilltokens.apis.control.SqlTemplate.Scope;

class SqlTemplateTest {

    private static final Placeholder YEAR = new Placeholder(Scope.ARGS, "year");
    private static final Placeholder DOMAIN = new Placeholder(Scope.USER, "domain");
    private static final Placeholder GROUPS = new Placeholder(Scope.USER, "groups");

    @Test
    void everyPlaceholderBecomesABoundParameterQuotesIncluded() {
        SqlTemplate template = SqlTemplate.parse("SELECT * FROM t WHERE y = {{ .args.year }} AND '{{ .user.domain }}' = 'x''y'");

        SqlTemplate.Bound bound = template.bind(Map.of(YEAR, 2024L, DOMAIN, "it's'; DROP TABLE t; --"));

        assertThat(bound.sql()).isEqualTo("SELECT * FROM t WHERE y = ? AND ? = 'x''y'");
        assertThat(bound.parameters()).containsExactly(2024L, "it's'; DROP TABLE t; --");
        assertThat(template.placeholders()).containsExactly(YEAR, DOMAIN);
    }

    @Test
    void listsExpandAndAnEmptyListMatchesNothing() {
        SqlTemplate template = SqlTemplate.parse("region IN ({{ .user.groups }})");

        assertThat(template.bind(Map.of(GROUPS, List.of("emea", "amer"))).sql()).isEqualTo("region IN (?, ?)");
        assertThat(template.bind(Map.of(GROUPS, List.of("emea", "amer"))).parameters()).containsExactly("emea", "amer");
        assertThat(template.bind(Map.of(GROUPS, List.of())).sql()).isEqualTo("region IN (NULL)");
    }

    @Test
    void missingValuesBindNull() {
        SqlTemplate.Bound bound = SqlTemplate.parse("{{.user.region}}").bind(Map.of());
        assertThat(bound.sql()).isEqualTo("?");
        assertThat(bound.parameters()).containsExactly((Object) null);
    }

    @Test
    void placeholdersThatCouldOnlyBeSplicedAreRefusedWithTheirLine() {
        assertRefused("SELECT 1\nWHERE name LIKE '%{{ .args.q }}%'", 2, "whole literal");
        assertRefused("SELECT '{{ .args.q }} x'", 1, "whole literal");
        assertRefused("SELECT 1 -- {{ .args.q }}", 1, "comments");
        assertRefused("SELECT 1 /* {{ .args.q }} */", 1, "comments");
        assertRefused("SELECT \"{{ .args.q }}\"", 1, "whole literal");
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertRefused("SELECT {{ .args.year", 1, "without a matching '}}'");
        assertRefused("SELECT 1\n\n}}", 3, "without a matching '{{'");
        assertRefused("SELECT {{ .env.HOME }}", 1, "unsupported placeholder");
        assertRefused("SELECT {{ if .user.admin }}1{{ end }}", 1, "unsupported placeholder");
        assertRefused("SELECT 'abc", 1, "unterminated string literal");
        assertRefused("SELECT 1 /* open", 1, "unterminated comment");
    }

    @Test
    void ordinarySqlPassesThroughUntouched() {
        String sql = "SELECT 'a{b}c', \"Col\" -- note\nFROM t /* x */ WHERE a <> 'it''s'";
        SqlTemplate template = SqlTemplate.parse(sql);
        assertThat(template.bind(Map.of()).sql()).isEqualTo(sql);
        assertThat(template.placeholders()).isEmpty();
    }

    private static void assertRefused(String sql, int line, String message) {
        assertThatThrownBy(() -> SqlTemplate.parse(sql)).isInstanceOfSatisfying(SqlTemplate.TemplateException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
