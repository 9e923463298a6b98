package org.rilltokens.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.Outcome;

/**
 * The Members page of an organization: its members with role, groups and attributes, the pending
 * invitations, and (for those who may) adding, changing and removing. A new invitation's link is shown
 * once, right after the redirect, with Copy; afterwards only its hash exists.
 */
@Named
@ViewScoped
public class MemberAdmin extends OrgPage {

    private static final long serialVersionUID = 1L;
    static final String LINK = "invitationLink";

    @Inject
    transient Members members;

    @Inject
    transient Invitations invitations;

    private List<MemberInfo> shown = List.of();
    private List<InviteInfo> invites = List.of();
    private final Map<String, String> roles = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();
    private String email;
    private String role = "viewer";

    public void load() throws IOException {
        if (!open()) {
            return;
        }
        if (can("readOrgMembers")) {
            shown = members.list(user.actor(), org, null, null).members();
            invites = invitations.list(user.actor(), org);
            shown.forEach(member -> {
                roles.put(member.email(), member.role());
                attributes.put(member.email(), lines(member.attributes()));
            });
        }
    }

    public void add() throws IOException {
        try {
            Added added = members.add(user.actor(), org, email, role);
            if (added.pendingSignup()) {
                faces.getExternalContext().getFlash().put(LINK, added.invite());
                done(email.strip() + " has no account yet: they are invited as " + role + ". Give them the link below.");
            } else {
                done("Added " + email.strip() + " as " + role + ".");
            }
        } catch (DomainException e) {
            refused("add", e);
        }
    }

    public void changeRole(MemberInfo member) throws IOException {
        try {
            members.changeRole(user.actor(), org, member.email(), roles.get(member.email()));
            done(member.email() + " is now " + roles.get(member.email()) + ".");
        } catch (DomainException e) {
            refused("members", e);
        }
    }

    public void saveAttributes(MemberInfo member) throws IOException {
        try {
            members.setAttributes(user.actor(), org, member.email(), parse(attributes.get(member.email())));
            done("Saved the attributes of " + member.email() + ".");
        } catch (DomainException e) {
            refused("members", e);
        }
    }

    public void remove(MemberInfo member) throws IOException {
        try {
            members.remove(user.actor(), org, member.email());
            done("Removed " + member.email() + " from " + org + ". Their tokens lost access to it.");
        } catch (DomainException e) {
            refused("members", e);
        }
    }

    public void withdraw(InviteInfo invite) throws IOException {
        try {
            invitations.withdraw(user.actor(), org, invite.email());
            done("Withdrew the invitation of " + invite.email() + "; its link no longer works.");
        } catch (DomainException e) {
            refused("invites", e);
        }
    }

    public void leave() throws IOException {
        try {
            members.remove(user.actor(), org, Members.CURRENT);
            Outcome.done(faces, "You left " + org + ".", "/organizations");
        } catch (DomainException e) {
            refused("leave", e);
        }
    }

    /** Whether the person may change this member (only admins touch admins). */
    public boolean mayChange(MemberInfo member) {
        return can("manageOrgMembers") && (!"admin".equals(member.role()) || can("manageOrgAdmins"));
    }

    public InviteLink getNewLink() {
        return (InviteLink) faces.getExternalContext().getFlash().get(LINK);
    }

    public String text(Map<String, String> values) {
        return values.isEmpty() ? "—" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One NAME=VALUE a line, as the attributes field shows them. */
    static String lines(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw DomainException.invalid("attributes", "Write one attribute a line as NAME=VALUE, e.g. region=EMEA; '"
                        + line.strip() + "' is not");
            }
            parsed.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return parsed;
    }

    @Override
    protected String here() {
        return "/members?org=" + query(org);
    }

    public List<MemberInfo> getShown() {
        return shown;
    }

    public List<InviteInfo> getInvites() {
        return invites;
    }

    public Map<String, String> getRoles() {
        return roles;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
