package org.rilltokens.tokens.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import org.rilltokens.platform.Sha256;
import org.rilltokens.tokens.entity.UserToken;

/**
 * A user token in clear: {@code rill_usr_} + 22 chars of token id + 33 chars of secret + 6 chars of
 * CRC32 checksum, all fixed-width base62. It exists only in memory, while a token is issued or checked.
 */
public record PlainToken(UUID id, byte[] secret) {

    public static final String PREFIX = "rill_usr_";
    /** {@code PREFIX.length()} written out, so that every length here is a compile-time constant. */
    public static final int PREFIX_LENGTH = 9;
    public static final int ID_WIDTH = UserToken.PUBLIC_ID_LENGTH;
    public static final int DISPLAY_ID_WIDTH = 10;
    static final int SECRET_BYTES = 24;
    static final int SECRET_WIDTH = 33;
    static final int CHECKSUM_WIDTH = 6;
    public static final int LENGTH = PREFIX_LENGTH + ID_WIDTH + SECRET_WIDTH + CHECKSUM_WIDTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    public PlainToken {
        if (id == null || secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a token needs an id and a " + SECRET_BYTES + "-byte secret");
        }
        secret = secret.clone();
    }

    public static PlainToken generate() {
        return generate(UUID.randomUUID());
    }

    /** A new secret for the token {@code id}: what renewing a token hands out. */
    public static PlainToken generate(UUID id) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new PlainToken(id, secret);
    }

    /** The token a string stands for, or empty when its prefix, length, alphabet or checksum is wrong. */
    public static Optional<PlainToken> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int secretStart = PREFIX.length() + ID_WIDTH;
        int checksumStart = secretStart + SECRET_WIDTH;
        String body = text.substring(0, checksumStart);
        String checksum = text.substring(checksumStart);
        if (!Base62.isAlphabet(text.substring(PREFIX.length())) || !checksum.equals(checksumOf(body))) {
            return Optional.empty();
        }
        Optional<byte[]> id = Base62.decode(text.substring(PREFIX.length(), secretStart), 16);
        Optional<byte[]> secret = Base62.decode(text.substring(secretStart, checksumStart), SECRET_BYTES);
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlainToken(uuidOf(id.get()), secret.get()));
    }

    public String text() {
        String body = PREFIX + publicId(id) + Base62.encode(secret, SECRET_WIDTH);
        return body + checksumOf(body);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    public String secretHash() {
        return hashOf(secret);
    }

    /** The 22-character base62 form of a token id, the part of the token that identifies it. */
    public static String publicId(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base62.encode(bytes.array(), ID_WIDTH);
    }

    /** What lists show and revoke accepts: safe to display, unique enough to pick a token. */
    public static String displayId(String publicId) {
        return PREFIX + publicId.substring(0, DISPLAY_ID_WIDTH);
    }

    /** Hex SHA-256 of the secret bytes: the only form of the secret that is ever stored. */
    public static String hashOf(byte[] secret) {
        return Sha256.hex(secret);
    }

    /** Constant-time comparison of this token's secret with a stored hash. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    private static String checksumOf(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_WIDTH);
    }

    private static UUID uuidOf(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlainToken that && id.equals(that.id) && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PlainToken[" + displayId(publicId(id)) + "…]";
    }
}
