package org.rilltokens.access.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.Outcome;
import org.rilltokens.web.PortalPage;
import org.rilltokens.web.RelativeTime;

/**
 * What every page of an organization's area shares: the organization from {@code ?org=}, what the signed-in
 * person may do there (controls are shown only for that), and the way a form ends. An organization the person cannot see answers 404, like the API.
 */
public abstract class OrgPage extends PortalPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FacesContext faces;

    @Inject
    transient Organizations organizations;

    @Inject
    protected ActiveUser user;

    protected String org;
    protected OrgDetails details;

    /** Reads the organization; false, with a 404 answered, when the person cannot see it. */
    protected boolean open() throws IOException {
        try {
            details = organizations.get(user.actor(), org);
            return true;
        } catch (DomainException e) {
            faces.getExternalContext().responseSendError(404, e.getMessage());
            faces.responseComplete();
            return false;
        }
    }

    /** Whether the person holds the permission (by its API name, e.g. {@code manageOrgMembers}) in this org. */
    public boolean can(String permission) {
        return details != null && Boolean.TRUE.equals(details.permissions().get(permission));
    }

    protected void refused(String form, DomainException e) {
        cancel();
        Outcome.refused(faces, form, e);
    }

    /** Back to this page (GET), showing {@code message}. */
    protected void done(String message) throws IOException {
        cancel();
        Outcome.done(faces, message, here());
    }

    /** This page's path with its query, e.g. {@code /members?org=acme}. */
    protected abstract String here();

    protected static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The org roles, most permissive first; admin only for those who may give it. */
    public List<String> getOrgRoles() {
        return Arrays.stream(OrgRole.values()).filter(role -> role != OrgRole.ADMIN || can("manageOrgAdmins"))
                .map(OrgRole::label).toList();
    }

    public String joined(List<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    /** An instant as the portal writes it: "2026-12-08 10:00 UTC". */
    public String when(Instant instant) {
        return instant == null ? "—" : RelativeTime.exact(instant);
    }

    public OrgDetails getDetails() {
        return details;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }
}
