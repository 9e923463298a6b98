package org.rilltokens.access.control;

/** Why someone holds a project role: organization admin, a direct grant, or a user group. */
public record RoleSource(Kind kind, String group) {

    public enum Kind {
        ORG_ADMIN, DIRECT, GROUP
    }

    public static final RoleSource ORG_ADMIN = new RoleSource(Kind.ORG_ADMIN, null);
    public static final RoleSource DIRECT = new RoleSource(Kind.DIRECT, null);

    public static RoleSource group(String name) {
        return new RoleSource(Kind.GROUP, name);
    }

    /** As people read it: "org admin", "direct", "group emea". */
    @Override
    public String toString() {
        return switch (kind) {
            case ORG_ADMIN -> "org admin";
            case DIRECT -> "direct";
            case GROUP -> "group " + group;
        };
    }
}
