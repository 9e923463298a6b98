package org.rilltokens.tokens.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.web.RelativeTime;

/** One line of the tokens page: a token as its owner reads it, at the moment the page was made. */
public record TokenRow(TokenInfo token, Instant now) implements Serializable {

    /** Said in words (and shown with a shape), never by colour alone. */
    public enum Status {
        ACTIVE("Active"), EXPIRING("Expiring soon"), EXPIRED("Expired"), REVOKED("Revoked");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the token reaches besides its owner's roles: "All your access", "acme/sales · read-only", … */
    public String access() {
        String projects = token.projects() == null ? "All your access" : String.join(", ", token.projects());
        return token.readOnly() ? projects + " · read-only" : projects;
    }

    public Status status() {
        if (token.status() == UserToken.Status.REVOKED) {
            return Status.REVOKED;
        }
        if (token.status() == UserToken.Status.EXPIRED) {
            return Status.EXPIRED;
        }
        return token.expiresOn() != null && token.expiresOn().isBefore(now.plus(UserToken.EXPIRING_SOON)) ? Status.EXPIRING : Status.ACTIVE;
    }

    public String expires() {
        if (token.expiresOn() == null) {
            return "Never";
        }
        String when = RelativeTime.from(token.expiresOn(), now);
        return status() == Status.EXPIRED ? "Expired " + when : when;
    }

    public String expiresExact() {
        return token.expiresOn() == null ? "No expiration date: revoke it when it is no longer needed"
                : RelativeTime.exact(token.expiresOn());
    }

    /** Who revoked the token, when and why ("Revoked 2 h ago by alice@acme.example: …"); null for a live token. */
    public String revocation() {
        if (token.revokedOn() == null) {
            return null;
        }
        return "Revoked " + RelativeTime.from(token.revokedOn(), now) + " (" + RelativeTime.exact(token.revokedOn()) + ") by "
                + (token.revokedBy() == null ? "this service" : token.revokedBy()) + ": " + token.revokeReason();
    }

    /** The organizations whose token policy keeps this token from their projects, in words; null when none does. */
    public String blocked() {
        return token.blockedIn().isEmpty() || token.revokedOn() != null ? null : "Too long-lived for "
                + String.join(", ", token.blockedIn()) + ": it cannot reach " + (token.blockedIn().size() == 1 ? "that organization's"
                        : "their") + " projects (their token policy sets a shorter maximum lifetime)";
    }

    public String created() {
        return RelativeTime.from(token.createdOn(), now);
    }

    public String createdExact() {
        return RelativeTime.exact(token.createdOn());
    }

    public String lastUsed() {
        if (token.usedOn() == null) {
            return "Never used";
        }
        return RelativeTime.from(token.usedOn(), now) + (token.usedIp() == null ? "" : " from " + token.usedIp());
    }

    public String lastUsedExact() {
        if (token.usedOn() == null) {
            return "Not used yet";
        }
        return RelativeTime.exact(token.usedOn()) + (token.usedUserAgent() == null ? "" : " · " + token.usedUserAgent());
    }

    /** Whether the display name or id contains {@code filter}, ignoring case; no filter matches all. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return token.displayName().toLowerCase(Locale.ROOT).contains(wanted)
                || token.prefix().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
