package org.rilltokens.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.Outcome;

/**
 * An organization's overview: the projects the person can see; creating one (org editors and admins); the email
 * domains that join by themselves (listed to org viewers, changed by org admins); renaming and deleting the
 * organization (superusers, the latter after typing its name).
 */
@Named
@ViewScoped
public class OrganizationPage extends OrgPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Projects projects;

    @Inject
    transient Autoinvites autoinvites;

    private List<ProjectInfo> shown = List.of();
    private String projectName;
    private String description;
    private String newName;
    private String displayName;
    private String confirmation;
    private List<AutoinviteInfo> domains = List.of();
    private String domain;
    private String domainRole = "viewer";

    public void load() throws IOException {
        if (open()) {
            shown = projects.list(user.actor(), org);
            newName = org;
            displayName = details.organization().displayName();
            domains = can("readOrgMembers") ? autoinvites.list(user.actor(), org) : List.of();
        }
    }

    public void addDomain() throws IOException {
        try {
            AutoinviteInfo added = autoinvites.put(user.actor(), org, domain, domainRole);
            done("People with a verified email @" + added.domain() + " now join " + org + " as " + added.role()
                    + " when they first sign in.");
        } catch (DomainException e) {
            refused("autoinvite", e);
        }
    }

    public void removeDomain(String listed) throws IOException {
        try {
            autoinvites.remove(user.actor(), org, listed);
            done("People @" + listed + " no longer join " + org + " by themselves; those who joined stay members.");
        } catch (DomainException e) {
            refused("autoinvite", e);
        }
    }

    /** The roles join by domain can give: never admin. */
    public List<String> getDomainRoles() {
        return List.of("guest", "viewer", "editor");
    }

    public void createProject() throws IOException {
        try {
            ProjectInfo created = projects.create(user.actor(), org, projectName, description);
            Outcome.done(faces, "Created project " + org + "/" + created.name() + ". Its files go in the server's projects folder under "
                    + org + "/" + created.name() + "/.", "/project?org=" + query(org) + "&project=" + query(created.name()));
        } catch (DomainException e) {
            refused("create", e);
        }
    }

    public void rename() throws IOException {
        try {
            OrgInfo renamed = organizations.update(user.actor(), org, newName, displayName);
            org = renamed.name();
            done("Saved: " + renamed.name() + " (“" + renamed.displayName() + "”).");
        } catch (DomainException e) {
            refused("settings", e);
        }
    }

    public void delete() throws IOException {
        if (confirmation == null || !confirmation.strip().equals(org)) {
            refused("delete", DomainException.invalid("confirmation", "Type the organization's name, " + org + ", to delete it. Nothing was deleted."));
            ask("delete");
            return;
        }
        try {
            organizations.delete(user.actor(), org);
            Outcome.done(faces, "Deleted organization " + org + " with its projects, members and groups.", "/organizations");
        } catch (DomainException e) {
            refused("delete", e);
        }
    }

    @Override
    protected String here() {
        return "/organization?org=" + query(org);
    }

    public List<ProjectInfo> getShown() {
        return shown;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<AutoinviteInfo> getDomains() {
        return domains;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getDomainRole() {
        return domainRole;
    }

    public void setDomainRole(String domainRole) {
        this.domainRole = domainRole;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
