package org.rilltokens.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.DomainException;

class AuditExportTest {

    @Test
    void csvFieldsAreQuotedOnlyWhenNeededAndNeverRunAsFormulas() {
        assertThat(AuditExport.csv(null)).isEmpty();
        assertThat(AuditExport.csv("token.issue")).isEqualTo("token.issue");
        assertThat(AuditExport.csv("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(AuditExport.csv("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditExport.csv("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void datesAndFormatsAreReadOrRefusedByField() {
        assertThat(AuditExport.instant("from", "2026-12-01")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(AuditExport.instant("to", "2026-12-01T10:00:00Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(AuditExport.instant("to", " ")).isNull();
        assertThatThrownBy(() -> AuditExport.instant("from", "yesterday")).extracting(e -> ((DomainException) e).field())
                .isEqualTo("from");
        assertThat(AuditExport.Format.of("CSV")).isEqualTo(AuditExport.Format.CSV);
        assertThat(AuditExport.Format.of(null)).isEqualTo(AuditExport.Format.JSON);
        assertThatThrownBy(() -> AuditExport.Format.of("xml")).extracting(e -> ((DomainException) e).field()).isEqualTo("format");
    }
}
