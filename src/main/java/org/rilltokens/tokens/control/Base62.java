package org.rilltokens.tokens.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fixed-width base62 over the alphabet {@code 0-9A-Za-z}. Fixed width keeps every token the same
 * length, so leading zero bytes survive the round trip as leading {@code '0'} characters.
 */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = 62;

    private Base62() {
    }

    /**
     * The unsigned big-endian number in {@code bytes}, in exactly {@code width} characters. Long division of the bytes
     * by 62, digit by digit: every bearer request parses a token, and BigInteger was most of that cost.
     */
    public static String encode(byte[] bytes, int width) {
        int[] number = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            number[i] = bytes[i] & 0xFF;
        }
        char[] out = new char[width];
        Arrays.fill(out, '0');
        for (int i = width - 1; i >= 0 && !isZero(number); i--) {
            int remainder = 0;
            for (int j = 0; j < number.length; j++) {
                int value = remainder << 8 | number[j];
                number[j] = value / BASE;
                remainder = value % BASE;
            }
            out[i] = ALPHABET.charAt(remainder);
        }
        if (!isZero(number)) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    public static String encode(long unsigned, int width) {
        char[] out = new char[width];
        Arrays.fill(out, '0');
        long rest = unsigned;
        for (int i = width - 1; i >= 0 && rest != 0; i--) {
            out[i] = ALPHABET.charAt((int) Long.remainderUnsigned(rest, BASE));
            rest = Long.divideUnsigned(rest, BASE);
        }
        if (rest != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    /** The bytes of a base62 text, or empty when it has a foreign character or needs more than {@code byteCount} bytes. */
    public static Optional<byte[]> decode(CharSequence text, int byteCount) {
        int[] number = new int[byteCount];
        // Five digits at a time (62^5 < 2^30): the bytes are multiplied by 62^5 once instead of by 62 five times.
        for (int start = 0; start < text.length(); start += 5) {
            long chunk = 0;
            long scale = 1;
            for (int i = start; i < Math.min(start + 5, text.length()); i++) {
                int digit = digit(text.charAt(i));
                if (digit < 0) {
                    return Optional.empty();
                }
                chunk = chunk * BASE + digit;
                scale *= BASE;
            }
            long carry = chunk;
            for (int j = byteCount - 1; j >= 0; j--) {
                long value = number[j] * scale + carry;
                number[j] = (int) (value & 0xFF);
                carry = value >>> 8;
            }
            if (carry != 0) {
                return Optional.empty();
            }
        }
        byte[] out = new byte[byteCount];
        for (int j = 0; j < byteCount; j++) {
            out[j] = (byte) number[j];
        }
        return Optional.of(out);
    }

    private static boolean isZero(int[] number) {
        for (int digit : number) {
            if (digit != 0) {
                return false;
            }
        }
        return true;
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
