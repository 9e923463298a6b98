package org.rilltokens.tokens.control;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a caller names one of their tokens when revoking it: the token UUID, the display id or a longer
 * prefix of the token, the full token, or {@code current} (the token making the request).
 */
public sealed interface TokenReference {

    String HINT = "Name a token by its id (a UUID), its display id (rill_usr_ followed by at least "
            + PlainToken.DISPLAY_ID_WIDTH + " characters), the full token, or 'current'";

    Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    record ById(UUID id) implements TokenReference {
    }

    /** The first characters of a token's 22-character public id. */
    record ByPrefix(String publicIdPrefix) implements TokenReference {
    }

    record Current() implements TokenReference {
    }

    static Optional<TokenReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.equals("current")) {
            return Optional.of(new Current());
        }
        if (UUID_TEXT.matcher(value).matches()) {
            return Optional.of(new ById(UUID.fromString(value)));
        }
        if (value.length() == PlainToken.LENGTH) {
            return PlainToken.parse(value).map(token -> new ById(token.id()));
        }
        return prefixOf(value);
    }

    private static Optional<TokenReference> prefixOf(String value) {
        int minimum = PlainToken.PREFIX.length() + PlainToken.DISPLAY_ID_WIDTH;
        if (!value.startsWith(PlainToken.PREFIX) || value.length() < minimum || value.length() >= PlainToken.LENGTH
                || !Base62.isAlphabet(value.substring(PlainToken.PREFIX.length()))) {
            return Optional.empty();
        }
        int idEnd = Math.min(value.length(), PlainToken.PREFIX.length() + PlainToken.ID_WIDTH);
        return Optional.of(new ByPrefix(value.substring(PlainToken.PREFIX.length(), idEnd)));
    }
}
