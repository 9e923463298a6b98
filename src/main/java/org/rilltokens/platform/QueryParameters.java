package org.rilltokens.platform;

/** Query parameters read as text, so that a typo answers 400 with its name instead of a bare 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Integer integer(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, name + " must be a whole number, got '" + text + "'");
        }
    }

    public static boolean flag(String name, String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw DomainException.invalid(name, name + " must be true or false, got '" + text + "'");
    }
}
