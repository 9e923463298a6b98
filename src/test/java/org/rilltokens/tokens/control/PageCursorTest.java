package org.rilltokens.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsTheLastShownToken() {
        PageCursor cursor = new PageCursor(Instant.parse("2024-01-15T10:30:00.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbageIsNotACursor() {
        assertThat(PageCursor.decode("not a cursor!")).isEmpty();
        assertThat(PageCursor.decode("")).isEmpty();
        assertThat(PageCursor.decode("MTIzLjQ1Ni5ub3QtYS11dWlk")).isEmpty();
        String huge = java.util.Base64.getUrlEncoder().encodeToString(
                ("9223372036854775807.9223372036854775807." + java.util.UUID.randomUUID()).getBytes());
        assertThat(PageCursor.decode(huge)).isEmpty();
        String farFuture = java.util.Base64.getUrlEncoder().encodeToString(
                ("31556889864403199.0." + java.util.UUID.randomUUID()).getBytes());
        assertThat(PageCursor.decode(farFuture)).isEmpty();
    }
}
