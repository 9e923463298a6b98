package org.rilltokens.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random one-time secret handed to one person (a device code, an invitation link): 256 random bits in
 * URL-safe Base64, of which only the SHA-256 is ever stored. Never printed by {@link #toString()}.
 */
public record Secret(String text) {

    static final int BYTES = 32;
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

    @Override
    public String toString() {
        return "Secret[…]";
    }
}
