package org.rilltokens.access.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rilltokens.access.entity.AutoinviteDomain;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

/**
 * What administrators type, checked the same way on every surface; each refusal names the field to fix.
 * Names of organizations, projects and groups appear in URL paths, so they are kept to characters a path
 * carries as they are.
 */
public final class AdminInput {

    public static final int NAME_MAX = 64;
    public static final int ATTRIBUTES_MAX = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1," + NAME_MAX + "}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@.]+");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_]{1," + OrgMembership.ATTRIBUTE_NAME_MAX + "}");
    /** Attributes every policy gets from the account and roles; a custom one must not pretend to be one of them. */
    public static final List<String> BUILT_IN_ATTRIBUTES = List.of("email", "domain", "name", "admin", "groups");

    private AdminInput() {
    }

    /** An org, project or group name: lower-case letters, digits, {@code -} and {@code _}, 1 to 64 of them. */
    public static String name(String field, String text) {
        String name = required(field, text);
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid(field, field + " must be 1 to " + NAME_MAX
                    + " lower-case letters, digits, '-' or '_' (it appears in URLs), got '" + name + "'");
        }
        return name;
    }

    /** An email domain such as {@code acme.example}: lower-cased, at least two labels of letters, digits and '-'. */
    public static String domain(String field, String text) {
        String domain = required(field, text).toLowerCase(Locale.ROOT);
        if (domain.length() > AutoinviteDomain.DOMAIN_MAX || !DOMAIN.matcher(domain).matches()) {
            throw DomainException.invalid(field, field + " must be an email domain like example.com (what follows @), got '"
                    + domain + "'");
        }
        return domain;
    }

    public static String email(String field, String text) {
        String email = User.normalizeEmail(required(field, text));
        if (email.length() > User.EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid(field, field + " must be an email address like name@example.com, got '" + email + "'");
        }
        return email;
    }

    /** A display name: trimmed, 1 to {@code max} characters. */
    public static String displayName(String field, String text, int max) {
        String name = required(field, text);
        if (name.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters, got " + name.length());
        }
        return name;
    }

    /** Free text up to {@code max} characters; absent is empty. */
    public static String text(String field, String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    public static OrgRole orgRole(String text) {
        return role(text, OrgRole.class);
    }

    public static ProjectRole projectRole(String text) {
        return role(text, ProjectRole.class);
    }

    private static <R extends Enum<R>> R role(String text, Class<R> type) {
        String given = required("role", text);
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", "role must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(role -> role.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", got '" + given + "'");
        }
    }

    /** Custom attributes: names of letters, digits and {@code _}; text values up to 1 024 characters. */
    public static Map<String, String> attributes(Map<String, ?> given) {
        if (given == null) {
            throw DomainException.invalid("attributes", "attributes is required: an object of name: value (use {} to remove all)");
        }
        if (given.size() > ATTRIBUTES_MAX) {
            throw DomainException.invalid("attributes", "A member can have at most " + ATTRIBUTES_MAX + " attributes, got " + given.size());
        }
        Map<String, String> attributes = new TreeMap<>();
        given.forEach((name, value) -> attributes.put(attributeName(name), attributeValue(name, value)));
        return attributes;
    }

    private static String attributeName(String name) {
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw DomainException.invalid("attributes", "Attribute name '" + name + "' must be 1 to "
                    + OrgMembership.ATTRIBUTE_NAME_MAX + " letters, digits or '_'");
        }
        if (BUILT_IN_ATTRIBUTES.contains(name)) {
            throw DomainException.invalid("attributes", "'" + name + "' is a built-in attribute every policy already gets;"
                    + " choose another name");
        }
        return name;
    }

    private static String attributeValue(String name, Object value) {
        if (!(value instanceof String text)) {
            throw DomainException.invalid("attributes", "Attribute '" + name + "' must have a text value");
        }
        if (text.length() > OrgMembership.ATTRIBUTE_VALUE_MAX) {
            throw DomainException.invalid("attributes", "Attribute '" + name + "' must be at most "
                    + OrgMembership.ATTRIBUTE_VALUE_MAX + " characters, got " + text.length());
        }
        return text;
    }

    private static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        return text.strip();
    }
}
