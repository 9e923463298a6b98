package org.rilltokens.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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

    /** Hex SHA-256 of {@code text} in UTF-8. */
    public static String hashOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Secret[…]";
    }
}
