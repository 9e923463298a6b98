package org.rilltokens.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A random one-time secret handed to one person or client (a device code, an invitation link, an OAuth authorization
 * code or refresh token): 256 random bits in
 * URL-safe Base64, of which only the SHA-256 is ever stored. Never printed by {@link #toString()}.
 */
public record Secret(String text) {

    static final int BYTES = 32;
    /** 32 bytes in Base64 without padding. */
    static final int TEXT_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Secret generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hashOf(text);
    }

    /** Hex SHA-256 of {@code text} in UTF-8: what is stored of a secret. */
    public static String hashOf(String text) {
        return Sha256.hex(text);
    }

    /** The hash to look a presented secret up by; empty for text no secret of this server has (not even hashed). */
    public static Optional<String> hashOfPresented(String presented) {
        return presented == null || presented.length() != TEXT_LENGTH ? Optional.empty() : Optional.of(hashOf(presented));
    }

    @Override
    public String toString() {
        return "Secret[…]";
    }
}
