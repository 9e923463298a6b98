package org.rilltokens.tokens.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rilltokens.tokens.entity.UserToken;

class TokenRowTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static TokenInfo token(String name, Duration age, Duration expiresIn, Duration usedAgo) {
        Instant expires = expiresIn == null ? null : NOW.plus(expiresIn);
        return new TokenInfo(UUID.randomUUID(), "rill_usr_" + name, name, NOW.minus(age), expires,
                usedAgo == null ? null : NOW.minus(usedAgo), usedAgo == null ? null : "192.0.2.7", null,
                expires != null && !expires.isAfter(NOW) ? UserToken.Status.EXPIRED : UserToken.Status.ACTIVE, null, false);
    }

    static TokenRow row(String name, Duration age, Duration expiresIn, Duration usedAgo) {
        return new TokenRow(token(name, age, expiresIn, usedAgo), NOW);
    }

    @Test
    void statusSaysActiveExpiringSoonOrExpiredInWords() {
        assertThat(row("a", Duration.ofDays(1), Duration.ofDays(30), null).status().label()).isEqualTo("Active");
        assertThat(row("b", Duration.ofDays(1), null, null).status().label()).isEqualTo("Active");
        assertThat(row("c", Duration.ofDays(1), Duration.ofDays(6), null).status().label()).isEqualTo("Expiring soon");
        assertThat(row("d", Duration.ofDays(1), Duration.ofHours(-3), null).status().label()).isEqualTo("Expired");
    }

    @Test
    void cellsReadRelativeWithTheExactTimeAsTitle() {
        TokenRow expired = row("d", Duration.ofDays(1), Duration.ofHours(-3), null);
        assertThat(expired.expires()).isEqualTo("Expired 3 h ago");
        assertThat(expired.expiresExact()).isEqualTo("2026-11-29 09:00 UTC");
        assertThat(row("b", Duration.ofDays(1), null, null).expires()).isEqualTo("Never");
        assertThat(row("e", Duration.ofMinutes(5), Duration.ofDays(6), Duration.ofMinutes(2)).lastUsed())
                .isEqualTo("2 min ago from 192.0.2.7");
        assertThat(row("f", Duration.ofMinutes(5), null, null).lastUsed()).isEqualTo("Never used");
    }

    @Test
    void theFilterLooksAtNameAndIdIgnoringCase() {
        TokenRow row = row("Nightly", Duration.ofDays(1), null, null);
        assertThat(row.matches(" night ")).isTrue();
        assertThat(row.matches("RILL_USR_NIGHT")).isTrue();
        assertThat(row.matches("laptop")).isFalse();
        assertThat(row.matches("")).isTrue();
    }

    @Test
    void eachSortStartsInTheDirectionPeopleWant() {
        TokenRow old = row("old", Duration.ofDays(9), null, Duration.ofDays(1));
        TokenRow soon = row("soon", Duration.ofDays(5), Duration.ofHours(2), null);
        TokenRow recent = row("recent", Duration.ofDays(1), Duration.ofDays(20), Duration.ofMinutes(1));
        List<TokenRow> rows = List.of(old, soon, recent);

        assertThat(sorted(rows, TokenSort.CREATED)).containsExactly("recent", "soon", "old");
        assertThat(sorted(rows, TokenSort.EXPIRES)).containsExactly("soon", "recent", "old");
        assertThat(sorted(rows, TokenSort.USED)).containsExactly("recent", "old", "soon");
        assertThat(TokenSort.of("nonsense")).isEqualTo(TokenSort.CREATED);
    }

    private static List<String> sorted(List<TokenRow> rows, TokenSort sort) {
        return rows.stream().sorted(sort.comparator(sort.descendingFirst())).map(row -> row.token().displayName()).toList();
    }
}
