package org.rilltokens.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;

/** Password hashing with PBKDF2 (Jakarta Security), and verification that takes as long for unknown users. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Made on the first sign-in, not at startup, which has the accounts it creates to hash already. */
    private volatile String decoy;

    @PostConstruct
    void configure() {
        // OWASP's 2023 guidance for PBKDF2-HMAC-SHA512.
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    private String decoy() {
        if (decoy == null) {
            decoy = pbkdf2.generate("decoy password that matches nothing".toCharArray());
        }
        return decoy;
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Checks {@code password} against a stored hash; with no hash it still does the same work, then fails. */
    public boolean verify(String password, Optional<String> storedHash) {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        boolean matches = pbkdf2.verify(typed, storedHash.orElseGet(this::decoy));
        return matches && storedHash.isPresent();
    }
}
