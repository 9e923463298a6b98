package org.rilltokens.oauth.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange (RFC 7636), S256 only: the client sends the SHA-256 of a secret with the authorization
 * request and the secret itself with the code, so a code intercepted on its way back is worthless to anyone else.
 */
public final class Pkce {

    public static final String METHOD = "S256";
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** Base64url of a SHA-256 digest, unpadded. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** Whether {@code verifier} is the secret whose S256 challenge is {@code challenge}; compared in constant time. */
    public static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches() || !isChallenge(challenge)) {
            return false;
        }
        return MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
