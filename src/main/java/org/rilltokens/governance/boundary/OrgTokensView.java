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
    private static final long MINUTES_A_DAY = 24 * 60;

    @Inject
    transient TokenOversight oversight;

    @Inject
    transient Clock clock;

    @Inject
    transient TokenPolicies policies;

    private String maxDays;

    private String person;
    private List<OverseenToken> tokens = List.of();

    public void load() throws IOException {
        if (!open()) {
            return;
        }
        if (can("manageOrgTokens")) {
            tokens = oversight.inOrg(user.actor(), org, person);
            Long max = policies.org(user.actor(), org).maxLifetimeMinutes();
            maxDays = max == null ? "" : max % MINUTES_A_DAY == 0 ? String.valueOf(max / MINUTES_A_DAY)
                    : String.valueOf(max / (double) MINUTES_A_DAY);
        }
    }

    /** Sets (or, left empty, lifts) the organization's maximum token lifetime, in whole days. */
    public void savePolicy() throws IOException {
        try {
            String typed = maxDays == null ? "" : maxDays.strip();
            if (!typed.isEmpty() && !typed.matches("\\d{1,5}")) {
                throw DomainException.invalid("maxDays", "Enter whole days, e.g. 30, or leave it empty for no maximum");
            }
            Long minutes = typed.isEmpty() ? null : Long.parseLong(typed) * MINUTES_A_DAY;
            policies.changeOrg(user.actor(), org, minutes);
            done(minutes == null ? "Tokens of any lifetime may reach " + org + "."
                    : "Tokens issued to live longer than " + typed + " days can no longer reach " + org + "'s projects.");
        } catch (DomainException e) {
            refused("policy", "maxLifetimeMinutes".equals(e.field()) ? DomainException.invalid("maxDays", e.getMessage()) : e);
        }
    }

    public String getMaxDays() {
        return maxDays;
    }

    public void setMaxDays(String maxDays) {
        this.maxDays = maxDays;
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
