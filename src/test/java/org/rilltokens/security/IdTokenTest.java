package org.rilltokens.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdTokenTest {

    private static final String ISSUER = "https://login.example.com/realms/acme";
    private static final String CLIENT = "rill-tokens";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final KeyPair RSA = generate("RSA", null);

    @Test
    void aProperlySignedTokenForThisClientAndSignInIsAccepted() throws Exception {
        IdToken token = IdToken.verify(rs256(claims()), kid -> Optional.of(rsaJwk()), ISSUER, CLIENT, "n-1", NOW);
        assertThat(token.subject()).isEqualTo("u-1");
        assertThat(token.text("email")).contains("ann@acme.example");
        assertThat(token.isTrue("email_verified")).isTrue();
        assertThat(token.texts("groups")).containsExactly("emea", "ops");
    }

    @Test
    void eachCheckRefusesWhatItGuards() {
        assertRejected(rs256(claims().add("iss", "https://evil.example")), "another issuer");
        assertRejected(rs256(claims().add("aud", "someone-else")), "another client");
        assertRejected(rs256(claims().add("aud", Json.createArrayBuilder().add(CLIENT).add("other"))), "another client");
        assertRejected(rs256(claims().add("exp", NOW.minusSeconds(600).getEpochSecond())), "expired");
        assertRejected(rs256(claims().add("nonce", "n-2")), "nonce");
        assertRejected(rs256(claims().add("iat", NOW.plusSeconds(3600).getEpochSecond())), "future");
    }

    @Test
    void aChangedPayloadOrAnUnsignedTokenIsRefused() {
        String[] parts = rs256(claims()).split("\\.");
        String forged = parts[0] + "." + b64(claims().add("email", "boss@acme.example").build().toString()) + "." + parts[2];
        assertRejected(forged, "signature");
        String none = b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + parts[1] + ".";
        assertRejected(none, "not accepted");
        String hmac = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + parts[1] + "." + parts[2];
        assertRejected(hmac, "not accepted");
    }

    @Test
    void aKeyTheProviderDoesNotPublishIsRefused() {
        assertThatThrownBy(() -> IdToken.verify(rs256(claims()), kid -> Optional.empty(), ISSUER, CLIENT, "n-1", NOW))
                .isInstanceOf(IdToken.Rejected.class).hasMessageContaining("does not publish");
    }

    @Test
    void es256SignaturesVerifyToo() throws Exception {
        KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) ec.getPublic();
        JsonObject jwk = Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256").add("kid", "e1")
                .add("x", b64(unsigned(key.getW().getAffineX(), 32))).add("y", b64(unsigned(key.getW().getAffineY(), 32))).build();
        String signed = b64("{\"alg\":\"ES256\",\"kid\":\"e1\"}") + "." + b64(claims().build().toString());
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(ec.getPrivate());
        signer.update(signed.getBytes(StandardCharsets.US_ASCII));
        String jwt = signed + "." + b64(signer.sign());
        assertThat(IdToken.verify(jwt, kid -> Optional.of(jwk), ISSUER, CLIENT, "n-1", NOW).subject()).isEqualTo("u-1");
    }

    private static void assertRejected(String jwt, String why) {
        assertThatThrownBy(() -> IdToken.verify(jwt, kid -> Optional.of(rsaJwk()), ISSUER, CLIENT, "n-1", NOW))
                .isInstanceOf(IdToken.Rejected.class).hasMessageContaining(why);
    }

    private static jakarta.json.JsonObjectBuilder claims() {
        return Json.createObjectBuilder().add("iss", ISSUER).add("sub", "u-1").add("aud", CLIENT)
                .add("exp", NOW.plusSeconds(300).getEpochSecond()).add("iat", NOW.minusSeconds(5).getEpochSecond())
                .add("nonce", "n-1").add("email", "ann@acme.example").add("email_verified", true)
                .add("groups", Json.createArrayBuilder().add("emea").add("ops"));
    }

    private static String rs256(jakarta.json.JsonObjectBuilder claims) {
        try {
            String signed = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + b64(claims.build().toString());
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(RSA.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject rsaJwk() {
        RSAPublicKey key = (RSAPublicKey) RSA.getPublic();
        return Json.createObjectBuilder().add("kty", "RSA").add("kid", "k1").add("alg", "RS256")
                .add("n", b64(unsigned(key.getModulus(), 0))).add("e", b64(unsigned(key.getPublicExponent(), 0))).build();
    }

    private static byte[] unsigned(BigInteger number, int size) {
        byte[] bytes = number.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (size > bytes.length) {
            byte[] padded = new byte[size];
            System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(spec);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
