package org.rilltokens.cli;

/**
 * Text as a terminal shows it. Table columns line up only when counted in screen columns, not chars:
 * a CJK character or an emoji takes two, a combining accent none. And a name from the server must not
 * reach the terminal with control or direction characters in it, which could rewrite the screen.
 */
final class ColumnText {

    static final String ELLIPSIS = "…";

    private ColumnText() {
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || isDirectionControl(c)) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static int width(String text) {
        return text.codePoints().map(ColumnText::width).sum();
    }

    /** {@code text} cut to at most {@code max} columns, ending in an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int c : text.codePoints().toArray()) {
            if (used + width(c) > max - 1) {
                break;
            }
            out.appendCodePoint(c);
            used += width(c);
        }
        return out + ELLIPSIS;
    }

    static String pad(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(c) ? 2 : 1;
    }

    /** East Asian wide and fullwidth characters and emoji (Unicode UAX #11, the common blocks). */
    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F680 && c <= 0x1F6FF) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    }

    private static boolean isDirectionControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
