package org.rilltokens.devices.control;

import org.rilltokens.platform.Secret;

/**
 * The secret a device polls with until its login is decided. Whoever holds it receives the token, so
 * only its SHA-256 is stored, like a token's secret; 256 random bits make guessing it hopeless.
 */
public record DeviceCode(String text) {

    /** Longer than any code this server hands out: such input is refused without hashing it. */
    public static final int MAX_LENGTH = 64;

    public static DeviceCode generate() {
        return new DeviceCode(Secret.generate().text());
    }

    public String hash() {
        return hashOf(text);
    }

    public static String hashOf(String text) {
        return Secret.hashOf(text);
    }

    @Override
    public String toString() {
        return "DeviceCode[…]";
    }
}
