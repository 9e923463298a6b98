package org.rilltokens.devices.control;

import java.security.SecureRandom;
import java.util.Base64;
import org.rilltokens.platform.Sha256;

/**
 * The secret a device polls with until its login is decided. Whoever holds it receives the token, so
 * only its SHA-256 is stored, like a token's secret; 256 random bits make guessing it hopeless.
 */
public record DeviceCode(String text) {

    static final int BYTES = 32;
    /** Longer than any code this server hands out: such input is refused without hashing it. */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    public static DeviceCode generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new DeviceCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hashOf(text);
    }

    public static String hashOf(String text) {
        return Sha256.hex(text);
    }

    @Override
    public String toString() {
        return "DeviceCode[…]";
    }
}
