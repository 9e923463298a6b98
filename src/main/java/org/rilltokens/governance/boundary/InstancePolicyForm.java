package org.rilltokens.governance.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.Outcome;

/** The superusers' form of the service's token policy, on the organizations page. */
@Named
@ViewScoped
public class InstancePolicyForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MINUTES_A_DAY = 24 * 60;

    @Inject
    transient TokenPolicies policies;

    @Inject
    transient FacesContext faces;

    @Inject
    ActiveUser user;

    private String maxDays;
    private boolean expirationRequired;
    private String unusedDays;
    private boolean loaded;

    private void load() {
        if (!loaded) {
            TokenPolicies.InstancePolicy policy = policies.instance(user.actor());
            Long max = policy.maxLifetimeMinutes();
            maxDays = max == null ? "" : String.valueOf(Math.max(1, max / MINUTES_A_DAY));
            expirationRequired = policy.expirationRequired();
            unusedDays = String.valueOf(policy.unusedDays());
            loaded = true;
        }
    }

    public void save() throws IOException {
        try {
            Long max = days("maxDays", maxDays);
            Long unused = days("unusedDays", unusedDays);
            policies.changeInstance(user.actor(), max == null ? null : max * MINUTES_A_DAY, expirationRequired,
                    unused == null ? 0L : unused);
            Outcome.done(faces, "Saved the token policy; it applies to every token issued or rotated from now on.", "/organizations");
        } catch (DomainException e) {
            Outcome.refused(faces, "token-policy", e);
        }
    }

    private static Long days(String field, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,5}")) {
            throw DomainException.invalid(field, "Enter whole days, e.g. 90");
        }
        return Long.valueOf(text);
    }

    public String getMaxDays() {
        load();
        return maxDays;
    }

    public void setMaxDays(String maxDays) {
        this.maxDays = maxDays;
    }

    public boolean isExpirationRequired() {
        load();
        return expirationRequired;
    }

    public void setExpirationRequired(boolean expirationRequired) {
        this.expirationRequired = expirationRequired;
    }

    public String getUnusedDays() {
        load();
        return unusedDays;
    }

    public void setUnusedDays(String unusedDays) {
        this.unusedDays = unusedDays;
    }
}
