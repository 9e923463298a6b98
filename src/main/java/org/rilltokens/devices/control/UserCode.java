package org.rilltokens.devices.control;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code a person reads in the terminal and types into the portal, shown as {@code WDJB-MJHT}.
 * Consonants only (RFC 8628 §6.1): no look-alike digits, no vowels to spell words by accident.
 * 20^8 ≈ 2.6·10^10 values; a code is useful only for the ten minutes it is pending, to a signed-in user.
 */
public record UserCode(String value) {

    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    public static final String EXAMPLE = "WDJB-MJHT";

    private static final RandomGenerator RANDOM = new SecureRandom();

    public UserCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a user code is " + LENGTH + " letters of " + ALPHABET);
        }
    }

    public static UserCode generate() {
        return generate(RANDOM);
    }

    static UserCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new UserCode(code.toString());
    }

    /** The code a person typed: any case, with or without the dash or spaces. */
    public static Optional<UserCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String letters = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return Optional.of(new UserCode(letters));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The code as the terminal and the portal show it: two groups of four. */
    public String display() {
        return value.substring(0, LENGTH / 2) + "-" + value.substring(LENGTH / 2);
    }

    @Override
    public String toString() {
        return display();
    }
}
