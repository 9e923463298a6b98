package org.rilltokens.tokens.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of a newest-first token list starts: the creation time and id of the last token
 * shown. Keyset paging keeps pages stable while tokens are issued or revoked in between.
 */
public record PageCursor(Instant createdOn, UUID id) {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        String plain = createdOn.getEpochSecond() + "." + createdOn.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<PageCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant createdOn = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            // Tokens are created now, not in year 10 000: anything outside is forged, and the database could not take it.
            if (createdOn.isBefore(EARLIEST) || createdOn.isAfter(LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(createdOn, UUID.fromString(parts[2])));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
