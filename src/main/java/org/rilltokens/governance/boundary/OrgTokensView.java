package org.rilltokens.governance.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.rilltokens.access.boundary.OrgPage;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.RelativeTime;

/**
 * {@code /org-tokens?org=acme&person=}: for the organization's admins, every live token that can reach it — whose it
 * is, when it was made and last used (and from where), what it reaches, whether the org's policy blocks it and
 * whether its owner is still in the org — with a Revoke button. Never a secret.
 */
@Named
@ViewScoped
public class OrgTokensView extends OrgPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenOversight oversight;

    @Inject
    transient Clock clock;

    private String person;
    private List<OverseenToken> tokens = List.of();

    public void load() throws IOException {
        if (!open()) {
            return;
        }
        if (can("manageOrgTokens")) {
            tokens = oversight.inOrg(user.actor(), org, person);
        }
    }

    public void revoke(OverseenToken token) throws IOException {
        try {
            oversight.revokeInOrg(user.actor(), org, token.id().toString());
            done("Revoked " + token.prefix() + " “" + token.displayName() + "” of " + token.owner()
                    + ". It stopped working at once; its owner sees that you revoked it.");
        } catch (DomainException e) {
            refused("tokens", e);
        }
    }

    public String ago(java.time.Instant instant) {
        return instant == null ? "Never" : RelativeTime.from(instant, clock.instant());
    }

    /** "Blocked: lives longer than acme allows", or null. */
    public String blocked(OverseenToken token) {
        return token.blockedIn().contains(org) ? "Blocked here: issued to live longer than " + org + "'s maximum" : null;
    }

    @Override
    protected String here() {
        return "/org-tokens?org=" + query(org) + (person == null || person.isBlank() ? "" : "&person=" + query(person));
    }

    public List<OverseenToken> getTokens() {
        return tokens;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }
}
