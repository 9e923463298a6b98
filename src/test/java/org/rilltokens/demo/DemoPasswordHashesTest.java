package org.rilltokens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The demo accounts are created with hashes made ahead of time: each must be the README's password, as strong as any other. */
class DemoPasswordHashesTest {

    @Test
    void eachShippedHashIsTheReadmesPasswordHashedLikeEveryOtherPassword() throws Exception {
        assertThat(DemoOrganization.DEMO_PASSWORD_HASHES).containsOnlyKeys("alice@acme.example", "bob@acme.example",
                "carol@partner.example", "dave@acme.example", "erin@acme.example");
        DemoOrganization.DEMO_PASSWORD_HASHES.forEach((email, stored) -> {
            String[] parts = stored.split(":");
            assertThat(parts).as(email).hasSize(4);
            // The parameters users.control.Passwords gives Jakarta Security's Pbkdf2PasswordHash.
            assertThat(parts[0]).as(email).isEqualTo("PBKDF2WithHmacSHA512");
            assertThat(parts[1]).as(email).isEqualTo("210000");
            assertThat(Base64.getDecoder().decode(parts[2])).as(email + " salt").hasSize(32);
            assertThat(Base64.getDecoder().decode(parts[3])).as(email + " key").hasSize(64);
            String password = "demo-" + email.substring(0, email.indexOf('@'));
            assertThat(matches(password, parts)).as(email + " / " + password).isTrue();
        });
        String[] alice = DemoOrganization.DEMO_PASSWORD_HASHES.get("alice@acme.example").split(":");
        assertThat(matches("demo-bob", alice)).as("alice's hash with bob's password").isFalse();
        assertThat(DemoOrganization.DEMO_PASSWORD_HASHES.values().stream().map(hash -> hash.split(":")[2]).distinct())
                .as("a salt of its own for each account").hasSize(5);
    }

    private static boolean matches(String password, String[] parts) {
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = SecretKeyFactory.getInstance(parts[0])
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8))
                    .getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
