package org.rilltokens.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rilltokens.apis.control.ApiCall;

class RowsAnswerTest {

    private static final List<String> COLUMNS = List.of("region", "day", "revenue", "note");

    private static List<Object> row(String region, BigDecimal revenue, String note) {
        return Arrays.asList(region, Date.valueOf(LocalDate.of(2024, 3, 1)), revenue, note);
    }

    @Test
    void rowsKeepTheRestValuesAndTheTableShowsEveryColumn() {
        ToolAnswer answer = RowsAnswer.of("sales", new ApiCall.Result(COLUMNS,
                List.of(row("EMEA", new BigDecimal("1234.50"), null))), 100);
        assertThat(answer.error()).isFalse();
        assertThat(answer.structured()).containsEntry("columns", COLUMNS).containsEntry("rowCount", 1).containsEntry("truncated", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) answer.structured().get("rows")).get(0);
        assertThat(first).containsEntry("region", "EMEA").containsEntry("day", "2024-03-01")
                .containsEntry("revenue", new BigDecimal("1234.50")).containsEntry("note", null);
        assertThat(answer.text()).isEqualTo("""
                sales returned 1 row.

                | region | day | revenue | note |
                | --- | --- | --- | --- |
                | EMEA | 2024-03-01 | 1234.50 | null |""");
    }

    @Test
    void beyondTheLimitRowsAreLeftOutAndBothFormsSaySo() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row("R" + i, BigDecimal.ONE, "n"));
        }
        ToolAnswer answer = RowsAnswer.of("sales", new ApiCall.Result(COLUMNS, rows), 5);
        assertThat((List<?>) answer.structured().get("rows")).hasSize(5);
        assertThat(answer.structured()).containsEntry("rowCount", 12).containsEntry("truncated", true);
        assertThat(answer.text()).startsWith("sales returned 12 rows; TRUNCATED to the first 5 (limit 5).")
                .contains("| R4 |").doesNotContain("| R5 |");
    }

    @Test
    void cellsCannotBreakTheTableOrFloodIt() {
        String table = RowsAnswer.table(List.of("a"), List.of(Map.of("a", "x|y\nz " + "w".repeat(500))));
        assertThat(table.lines()).hasSize(3);
        String cell = table.lines().toList().get(2);
        assertThat(cell).startsWith("| x\\|y z ").endsWith("… |");
        assertThat(cell.length()).isLessThan(RowsAnswer.MAX_CELL + 10);
        assertThat(RowsAnswer.table(List.of(), List.of())).contains("no columns");
    }
}
