package org.rilltokens.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An OpenID Connect ID token (a signed JWT) whose signature, issuer, audience, lifetime and nonce were checked
 * (OpenID Connect Core 1.0, 3.1.3.7), with standard Java only. Signatures RS256/384/512 and ES256/384 with
 * the provider's published keys (JWKS); {@code none} and HMAC are refused. Only its claims are kept.
 */
public final class IdToken {

    /** Clock difference between this server and the provider that is tolerated. */
    static final Duration LEEWAY = Duration.ofMinutes(2);

    /** Why a token was not accepted; never carries the token itself. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }

    private final JsonObject claims;

    private IdToken(JsonObject claims) {
        this.claims = claims;
    }

    /**
     * Checks {@code jwt}.
     *
     * @param keys the provider's key of a key id ({@code kid}, possibly null): empty when unknown
     */
    public static IdToken verify(String jwt, Function<String, Optional<JsonObject>> keys, String issuer, String clientId,
            String nonce, Instant now) throws Rejected {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new Rejected("the ID token is not a signed JWT");
        }
        JsonObject header = json(parts[0]);
        String alg = header.getString("alg", "");
        JsonObject jwk = keys.apply(header.getString("kid", null)).orElseThrow(() -> new Rejected("the ID token is signed "
                + "with a key the provider does not publish"));
        if (!signatureValid(alg, jwk, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decode(parts[2]))) {
            throw new Rejected("the ID token's signature does not verify");
        }
        JsonObject claims = json(parts[1]);
        if (!issuer.equals(claims.getString("iss", null))) {
            throw new Rejected("the ID token comes from another issuer");
        }
        List<String> audience = strings(claims.get("aud"));
        if (!audience.contains(clientId) || (audience.size() > 1 && !clientId.equals(claims.getString("azp", null)))) {
            throw new Rejected("the ID token is meant for another client");
        }
        Instant expires = instant(claims, "exp").orElseThrow(() -> new Rejected("the ID token has no expiry"));
        if (!now.isBefore(expires.plus(LEEWAY))) {
            throw new Rejected("the ID token expired");
        }
        if (instant(claims, "iat").filter(issued -> issued.isAfter(now.plus(LEEWAY))).isPresent()) {
            throw new Rejected("the ID token was issued in the future");
        }
        if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                claims.getString("nonce", "").getBytes(StandardCharsets.UTF_8))) {
            throw new Rejected("the ID token's nonce is not this sign-in's");
        }
        if (claims.getString("sub", "").isEmpty()) {
            throw new Rejected("the ID token names no subject");
        }
        return new IdToken(claims);
    }

    /** A text claim, empty when absent or not text. */
    public Optional<String> text(String name) {
        JsonValue value = claims.get(name);
        return value instanceof JsonString text && !text.getString().isBlank() ? Optional.of(text.getString().strip()) : Optional.empty();
    }

    /** Whether the claim is {@code true} (some providers send the text "true"). */
    public boolean isTrue(String name) {
        JsonValue value = claims.get(name);
        return value == JsonValue.TRUE || (value instanceof JsonString text && text.getString().equals("true"));
    }

    /** A claim's texts: an array of texts, or one text; empty otherwise. */
    public List<String> texts(String name) {
        return strings(claims.get(name));
    }

    public String subject() {
        return claims.getString("sub");
    }

    static JsonObject json(String base64url) throws Rejected {
        try (var reader = Json.createReader(new StringReader(new String(decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new Rejected("the ID token is not readable JSON");
        }
    }

    private static byte[] decode(String base64url) throws Rejected {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new Rejected("the ID token is not Base64url");
        }
    }

    private static List<String> strings(JsonValue value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonString text) {
            result.add(text.getString());
        } else if (value instanceof JsonArray array) {
            array.stream().filter(JsonString.class::isInstance).map(item -> ((JsonString) item).getString()).forEach(result::add);
        }
        return result;
    }

    private static Optional<Instant> instant(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonNumber number ? Optional.of(Instant.ofEpochSecond(number.longValue())) : Optional.empty();
    }

    private record Algorithm(String keyType, String javaName, int ecBytes, String curve) {
    }

    private static final Map<String, Algorithm> ALGORITHMS = Map.of(
            "RS256", new Algorithm("RSA", "SHA256withRSA", 0, null),
            "RS384", new Algorithm("RSA", "SHA384withRSA", 0, null),
            "RS512", new Algorithm("RSA", "SHA512withRSA", 0, null),
            "ES256", new Algorithm("EC", "SHA256withECDSA", 32, "P-256"),
            "ES384", new Algorithm("EC", "SHA384withECDSA", 48, "P-384"));

    private static boolean signatureValid(String alg, JsonObject jwk, byte[] signed, byte[] signature) throws Rejected {
        Algorithm algorithm = ALGORITHMS.get(alg);
        if (algorithm == null) {
            throw new Rejected("the ID token is signed with " + (alg.isEmpty() ? "no algorithm" : alg) + ", which is not accepted");
        }
        if (!algorithm.keyType().equals(jwk.getString("kty", "")) || (jwk.containsKey("alg") && !alg.equals(jwk.getString("alg", "")))) {
            throw new Rejected("the ID token's algorithm does not fit the provider's key");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.javaName());
            verifier.initVerify(publicKey(algorithm, jwk));
            verifier.update(signed);
            return verifier.verify(algorithm.ecBytes() == 0 ? signature : derOf(signature, algorithm.ecBytes()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static PublicKey publicKey(Algorithm algorithm, JsonObject jwk) throws GeneralSecurityException, Rejected {
        if (algorithm.ecBytes() == 0) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
        }
        if (!algorithm.curve().equals(jwk.getString("crv", ""))) {
            throw new Rejected("the provider's key is on another curve");
        }
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(algorithm.curve().equals("P-256") ? "secp256r1" : "secp384r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")), spec));
    }

    private static BigInteger number(JsonObject jwk, String name) throws Rejected {
        return new BigInteger(1, decode(jwk.getString(name, "")));
    }

    /** A JWS ECDSA signature is R and S side by side; Java wants them as a DER sequence. */
    private static byte[] derOf(byte[] raw, int size) {
        if (raw.length != 2 * size) {
            throw new IllegalArgumentException("wrong ECDSA signature length");
        }
        byte[] r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, size, 2 * size)).toByteArray();
        int length = 2 + r.length + 2 + s.length;
        var out = new java.io.ByteArrayOutputStream();
        out.write(0x30);
        if (length > 127) {
            out.write(0x81);
        }
        out.write(length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }
}
