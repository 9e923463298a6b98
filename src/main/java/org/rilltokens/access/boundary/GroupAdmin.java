package org.rilltokens.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rilltokens.platform.DomainException;

/** The Groups page of an organization: its user groups and members; org editors and admins change them. */
@Named
@ViewScoped
public class GroupAdmin extends OrgPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Usergroups usergroups;

    @Inject
    transient Members members;

    private List<UsergroupInfo> groups = List.of();
    private List<String> memberEmails = List.of();
    private final Map<String, String> newNames = new HashMap<>();
    private final Map<String, String> additions = new HashMap<>();
    private String name;

    public void load() throws IOException {
        if (!open() || !can("readOrgMembers")) {
            return;
        }
        groups = usergroups.list(user.actor(), org);
        groups.forEach(group -> newNames.put(group.name(), group.name()));
        if (can("manageUsergroups")) {
            memberEmails = members.list(user.actor(), org, null, null).members().stream().map(MemberInfo::email).toList();
        }
    }

    public void create() throws IOException {
        try {
            UsergroupInfo created = usergroups.create(user.actor(), org, name);
            done("Created group " + created.name() + ". Add members below, and give it roles on a project's page.");
        } catch (DomainException e) {
            refused("create", e);
        }
    }

    public void rename(UsergroupInfo group) throws IOException {
        try {
            usergroups.rename(user.actor(), org, group.name(), newNames.get(group.name()));
            done("Renamed group " + group.name() + " to " + newNames.get(group.name()).strip() + ".");
        } catch (DomainException e) {
            refused("groups", e);
        }
    }

    public void delete(UsergroupInfo group) throws IOException {
        try {
            usergroups.delete(user.actor(), org, group.name());
            done("Deleted group " + group.name() + "; its members lost the project roles it gave them.");
        } catch (DomainException e) {
            refused("groups", e);
        }
    }

    public void addMember(UsergroupInfo group) throws IOException {
        try {
            usergroups.addMember(user.actor(), org, group.name(), additions.get(group.name()));
            done("Added " + additions.get(group.name()) + " to group " + group.name() + ".");
        } catch (DomainException e) {
            refused("groups", e);
        }
    }

    public void removeMember(UsergroupInfo group, String email) throws IOException {
        try {
            usergroups.removeMember(user.actor(), org, group.name(), email);
            done("Removed " + email + " from group " + group.name() + ".");
        } catch (DomainException e) {
            refused("groups", e);
        }
    }

    /** The organization's members who are not in {@code group} yet. */
    public List<String> outside(UsergroupInfo group) {
        return memberEmails.stream().filter(email -> !group.members().contains(email)).toList();
    }

    @Override
    protected String here() {
        return "/groups?org=" + query(org);
    }

    public List<UsergroupInfo> getGroups() {
        return groups;
    }

    public Map<String, String> getNewNames() {
        return newNames;
    }

    public Map<String, String> getAdditions() {
        return additions;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
