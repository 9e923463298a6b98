package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTableTest {

    private static final Instant CREATED = Instant.parse("2024-01-15T10:30:00Z");
    private static final Instant USED = Instant.parse("2024-01-16T09:12:59Z");

    private static ListedToken token(String prefix, String name, Instant expires, Instant used) {
        return new ListedToken("id-" + prefix, prefix, name, CREATED, expires, used, false, null, false);
    }

    @Test
    void theSpecsColumnsAlignedWithNeverForNoExpiryAndNoUse() {
        String table = new TokenTable(ZoneOffset.UTC).render(List.of(
                token("rill_usr_3kd9XbQ2aP", "Local Development", null, USED),
                token("rill_usr_Zz00000001", "CI", Instant.parse("2024-02-14T10:30:00Z"), null)));

        assertThat(table).isEqualTo(""
                + "ID                   DISPLAY NAME       CREATED           EXPIRES           LAST USED\n"
                + "rill_usr_3kd9XbQ2aP  Local Development  2024-01-15 10:30  Never             2024-01-16 09:12\n"
                + "rill_usr_Zz00000001  CI                 2024-01-15 10:30  2024-02-14 10:30  Never\n");
    }

    @Test
    void timesAreShownInTheGivenZoneWithItsSummerTime() {
        ListedToken winter = token("rill_usr_0000000001", "winter", null, null);
        ListedToken summer = new ListedToken("id", "rill_usr_0000000002", "summer", Instant.parse("2024-07-01T10:30:00Z"), null, null, false,
                null, false);

        String berlin = new TokenTable(ZoneId.of("Europe/Berlin")).render(List.of(winter, summer));
        String newYork = new TokenTable(ZoneId.of("America/New_York")).render(List.of(winter, summer));
        String utc = new TokenTable(ZoneOffset.UTC).render(List.of(winter, summer));

        assertThat(berlin).containsPattern("winter +2024-01-15 11:30").containsPattern("summer +2024-07-01 12:30");
        assertThat(newYork).containsPattern("winter +2024-01-15 05:30").containsPattern("summer +2024-07-01 06:30");
        assertThat(utc).containsPattern("winter +2024-01-15 10:30").containsPattern("summer +2024-07-01 10:30");
    }

    @Test
    void wideAndCombiningCharactersKeepTheNextColumnAligned() {
        String table = new TokenTable(ZoneOffset.UTC).render(List.of(
                token("rill_usr_0000000001", "開発トークン", null, null),
                token("rill_usr_0000000002", "Cafe\u0301 deploy 🚀", null, null),
                token("rill_usr_0000000003", "plain", null, null)));

        List<String> lines = table.lines().toList();
        int createdColumn = ColumnText.width(lines.get(0).substring(0, lines.get(0).indexOf("CREATED")));
        for (String line : lines.subList(1, lines.size())) {
            assertThat(ColumnText.width(line.substring(0, line.indexOf("2024-01-15")))).as(line).isEqualTo(createdColumn);
        }
    }

    @Test
    void aVeryLongNameIsCutWithAnEllipsisAndTheTableStaysAligned() {
        String longName = "Nightly export of the finance warehouse to the partner SFTP server (ticket 4711)";
        String table = new TokenTable(ZoneOffset.UTC).render(List.of(
                token("rill_usr_0000000001", longName, null, null), token("rill_usr_0000000002", "short", null, null)));

        List<String> lines = table.lines().toList();
        String shown = lines.get(1).substring(21, 21 + TokenTable.NAME_MAX_WIDTH);
        assertThat(shown).endsWith("…").isEqualTo(longName.substring(0, TokenTable.NAME_MAX_WIDTH - 1) + "…");
        assertThat(lines.get(1).indexOf("2024-01-15")).isEqualTo(lines.get(2).indexOf("2024-01-15"))
                .isEqualTo(lines.get(0).indexOf("CREATED")).isEqualTo(21 + TokenTable.NAME_MAX_WIDTH + 2);
    }

    @Test
    void anExpiredTokenSaysSoAndNamesCannotInjectTerminalControls() {
        ListedToken expired = new ListedToken("id", "rill_usr_0000000001", "evil\u001B[2J", CREATED, CREATED.plusSeconds(60), null, true,
                null, false);

        String table = new TokenTable(ZoneOffset.UTC).render(List.of(expired));

        assertThat(table).contains("evil?[2J", "2024-01-15 10:31 (expired)").doesNotContain("\u001B");
        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void restrictedTokensAddAnAccessColumnAfterTheSpecsColumns() {
        ListedToken all = token("rill_usr_0000000001", "everything", null, null);
        ListedToken sales = new ListedToken("id", "rill_usr_0000000002", "assistant", CREATED, null, null, false,
                List.of("acme/sales"), true);
        ListedToken two = new ListedToken("id", "rill_usr_0000000003", "etl", CREATED, null, null, false,
                List.of("acme/ops", "acme/sales"), false);

        List<String> lines = new TokenTable(ZoneOffset.UTC).render(List.of(all, sales, two)).lines().toList();

        assertThat(lines.get(0)).startsWith("ID  ").containsSubsequence("DISPLAY NAME", "CREATED", "EXPIRES", "LAST USED", "ACCESS");
        assertThat(lines.get(1)).endsWith("  all");
        assertThat(lines.get(2)).endsWith("  acme/sales (read-only)");
        assertThat(lines.get(3)).endsWith("  acme/ops, acme/sales");
        assertThat(lines.get(2).indexOf("acme/sales")).isEqualTo(lines.get(0).indexOf("ACCESS"));
    }

    @Test
    void aTokenEndingWithinSevenDaysIsMarkedAfterItsExpiryAndTheColumnsStayAsTheSpecSays() {
        Instant now = CREATED.plusSeconds(3600);
        String table = new TokenTable(ZoneOffset.UTC, now).render(List.of(
                token("rill_usr_0000000001", "soon", CREATED.plus(java.time.Duration.ofDays(6)), null),
                token("rill_usr_0000000002", "later", CREATED.plus(java.time.Duration.ofDays(30)), null),
                token("rill_usr_0000000003", "never", null, null)));

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("ID                   DISPLAY NAME  CREATED           EXPIRES");
        assertThat(lines.get(1)).contains("2024-01-21 10:30 (expires soon)");
        assertThat(lines.get(2)).contains("2024-02-14 10:30").doesNotContain("soon");
        assertThat(lines.get(3)).doesNotContain("soon");
        assertThat(lines.get(2).indexOf("Never")).isEqualTo(lines.get(0).indexOf("LAST USED"));
    }
}
