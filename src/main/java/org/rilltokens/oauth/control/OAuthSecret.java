package org.rilltokens.oauth.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.rilltokens.platform.Sha256;

/**
 * An authorization code or a refresh token: 256 random bits, handed to the client once and stored only as their
 * SHA-256, so the database alone never lets anyone redeem one.
 */
public record OAuthSecret(String text) {

    private static final int BYTES = 32;
    private static final int TEXT_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static OAuthSecret random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new OAuthSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return Sha256.hex(text);
    }

    /** The hash to look a presented secret up by; empty for text no secret of this server has (not even hashed). */
    public static Optional<String> hashOfPresented(String presented) {
        return presented == null || presented.length() != TEXT_LENGTH ? Optional.empty() : Optional.of(Sha256.hex(presented));
    }

    @Override
    public String toString() {
        return "OAuthSecret[…]";
    }
}
