package org.rilltokens.tokens.control;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Fixed-width base62 over the alphabet {@code 0-9A-Za-z}. Fixed width keeps every token the same
 * length, so leading zero bytes survive the round trip as leading {@code '0'} characters.
 */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {
    }

    public static String encode(byte[] bytes, int width) {
        return encode(new BigInteger(1, bytes), width);
    }

    public static String encode(long unsigned, int width) {
        return encode(BigInteger.valueOf(unsigned), width);
    }

    private static String encode(BigInteger value, int width) {
        char[] out = new char[width];
        Arrays.fill(out, '0');
        BigInteger rest = value;
        for (int i = width - 1; i >= 0 && rest.signum() > 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        if (rest.signum() > 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    /** The bytes of a base62 text, or empty when it has a foreign character or needs more than {@code byteCount} bytes. */
    public static Optional<byte[]> decode(CharSequence text, int byteCount) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = digit(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (value.bitLength() > byteCount * 8) {
            return Optional.empty();
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[byteCount];
        int copy = Math.min(raw.length, byteCount);
        System.arraycopy(raw, raw.length - copy, out, byteCount - copy, copy);
        return Optional.of(out);
    }

    public static boolean isAlphabet(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
