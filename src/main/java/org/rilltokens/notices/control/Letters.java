package org.rilltokens.notices.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.rilltokens.access.boundary.InvitationSent;
import org.rilltokens.tokens.boundary.TokenEvent;

/**
 * The words of each notice. A token is named by its display id and name, never by its secret; times are UTC,
 * since the mail may be read anywhere. {@code portal} is the server's public address (RILL_PUBLIC_URL), or null
 * when unknown outside a request: then the letters point to "your tokens page" without a link.
 */
public final class Letters {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String SIGNATURE = "\n-- \nrill-tokens. This message never contains a token's secret.\n";

    private final String portal;

    public Letters(String portal) {
        this.portal = portal;
    }

    /** What the owner is told of this change; nothing for a revocation by the owner themself. */
    public Optional<Letter> about(TokenEvent event) {
        String token = event.displayId() + " \"" + event.displayName() + "\"";
        return switch (event.kind()) {
            case ISSUED -> Optional.of(letter(event, "New token " + token + " on your account",
                    "a personal access token was created on your account " + event.ownerEmail() + ":\n\n" + facts(event)
                    + "\nIf you did not create it, revoke it now on " + tokensPage() + " and change your password.\n"));
            case ROTATED -> Optional.of(letter(event, "Token " + token + " was rotated",
                    "a new secret was made for your token \"" + event.displayName() + "\": " + event.displayId() + " replaces "
                    + event.replaces() + ", which stops working now or at the end of the grace period you chose.\n\n" + facts(event)
                    + "\nIf you did not rotate it, revoke it now on " + tokensPage() + " and change your password.\n"));
            case EXPIRING -> Optional.of(letter(event, "Your token " + token + " expires on " + when(event.expiresOn()),
                    "your personal access token " + token + " expires on " + when(event.expiresOn()) + ". From then on, "
                    + "whatever uses it gets 401 Unauthorized.\n\n" + facts(event) + "\nTo go on using it, rotate it (a new secret, "
                    + "same name and access) on " + tokensPage() + " or with: rill token rotate " + event.displayId() + "\n"));
            case REVOKED -> revoked(event, token);
        };
    }

    private Optional<Letter> revoked(TokenEvent event, String token) {
        String why = switch (event.reason()) {
            case BY_OWNER -> null;
            case BY_ADMIN -> "was revoked by " + line(event.byName()) + " (" + event.byEmail() + "), who oversees tokens"
                    + " that reach their organization.";
            case REPORTED_LEAKED -> "was revoked because it was reported as exposed in a public place (for example by a"
                    + " secret scanner). Anyone who saw it may have used it: check its last use on " + tokensPage() + ".";
            case UNUSED -> "was revoked because it had not been used for longer than this server allows.";
        };
        if (why == null || !event.byOther()) {
            return Optional.empty();
        }
        return Optional.of(letter(event, "Your token " + token + " was revoked",
                "your personal access token " + token + " " + why + " It no longer works.\n\n" + facts(event)
                + "\nIf you still need one, issue a new token on " + tokensPage() + ".\n"));
    }

    public Letter invitation(InvitationSent invitation) {
        String inviter = invitation.invitedBy() == null ? "An administrator" : line(invitation.invitedBy());
        String projects = invitation.projects().isEmpty() ? "" : ", and " + invitation.projects();
        return new Letter(invitation.email(), "Invitation to " + line(invitation.orgDisplayName()) + " on rill-tokens",
                "Hello,\n\n" + inviter + " invited you (" + invitation.email() + ") to the organization "
                + line(invitation.orgDisplayName()) + " (" + invitation.org() + ") as " + invitation.role() + projects + ".\n\n"
                + "To accept, open this link and choose a password. It works once, until " + when(invitation.expiresOn())
                + ", and only for you: do not forward it.\n\n    " + invitation.link() + "\n\n"
                + "If you did not expect this invitation, ignore this email.\n" + SIGNATURE);
    }

    private static Letter letter(TokenEvent event, String subject, String text) {
        return new Letter(event.ownerEmail(), line(subject), "Hello " + line(event.ownerName()) + ",\n\n" + text + SIGNATURE);
    }

    private static String facts(TokenEvent event) {
        return "    Token:    " + event.displayId() + "\n    Name:     " + event.displayName() + "\n    Expires:  "
                + (event.expiresOn() == null ? "never" : when(event.expiresOn())) + "\n";
    }

    private String tokensPage() {
        return portal == null ? "your tokens page" : "your tokens page, " + portal + "/";
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** A name on one line: no header or line break can be smuggled in through it. */
    private static String line(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }
}
