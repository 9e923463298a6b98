package org.rilltokens.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.Outcome;

/**
 * A project's page: its description, direct members and group roles (changed by project admins), renaming
 * and describing it (project editors and up), and deleting it (org admins, after typing its name). A
 * project the person cannot see answers 404.
 */
@Named
@ViewScoped
public class ProjectPage extends OrgPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Projects projects;

    @Inject
    transient ProjectMembers projectMembers;

    @Inject
    transient Usergroups usergroups;

    private String project;
    private ProjectDetails projectDetails;
    private List<ProjectMemberInfo> members = List.of();
    private List<GroupRoleInfo> groupRoles = List.of();
    private List<String> groups = List.of();
    private final Map<String, String> roles = new HashMap<>();
    private final Map<String, String> groupRoleEdits = new HashMap<>();
    private String email;
    private String role = ProjectRole.VIEWER.label();
    private String group;
    private String groupRole = ProjectRole.VIEWER.label();
    private String newName;
    private String description;
    private String confirmation;

    public void load() throws IOException {
        if (!open()) {
            return;
        }
        try {
            projectDetails = projects.get(user.actor(), org, project);
        } catch (DomainException e) {
            faces.getExternalContext().responseSendError(404, e.getMessage());
            faces.responseComplete();
            return;
        }
        newName = project;
        description = projectDetails.project().description();
        if (projectCan("readProjectMembers")) {
            members = projectMembers.list(user.actor(), org, project);
            groupRoles = projectMembers.groupRoles(user.actor(), org, project);
            members.forEach(member -> roles.put(member.email(), member.role()));
            groupRoles.forEach(held -> groupRoleEdits.put(held.name(), held.role()));
        }
        if (projectCan("manageProjectMembers") && can("readOrgMembers")) {
            groups = usergroups.list(user.actor(), org).stream().map(UsergroupInfo::name).toList();
        }
    }

    public void addMember() throws IOException {
        try {
            Added added = projectMembers.add(user.actor(), org, project, email, role);
            if (added.pendingSignup()) {
                faces.getExternalContext().getFlash().put(MemberAdmin.LINK, added.invite());
                done(email.strip() + " has no account yet: they are invited as " + role + " of " + project + ". Give them the link below.");
            } else {
                done(email.strip() + " is now " + role + " of " + project + ".");
            }
        } catch (DomainException e) {
            refused("add", e);
        }
    }

    public void changeRole(ProjectMemberInfo member) throws IOException {
        try {
            projectMembers.changeRole(user.actor(), org, project, member.email(), roles.get(member.email()));
            done(member.email() + " is now " + roles.get(member.email()) + " of " + project + ".");
        } catch (DomainException e) {
            refused("members", e);
        }
    }

    public void removeMember(ProjectMemberInfo member) throws IOException {
        try {
            projectMembers.remove(user.actor(), org, project, member.email());
            done(member.email() + " no longer has a direct role on " + project + ".");
        } catch (DomainException e) {
            refused("members", e);
        }
    }

    public void grantGroupRole() throws IOException {
        saveGroupRole(group, groupRole, "grant");
    }

    public void changeGroupRole(GroupRoleInfo held) throws IOException {
        saveGroupRole(held.name(), groupRoleEdits.get(held.name()), "groups");
    }

    private void saveGroupRole(String name, String value, String form) throws IOException {
        try {
            projectMembers.setGroupRole(user.actor(), org, project, name, value);
            done("Group " + name + " is now " + value + " of " + project + ": its members got the role.");
        } catch (DomainException e) {
            refused(form, e);
        }
    }

    public void removeGroupRole(GroupRoleInfo held) throws IOException {
        try {
            projectMembers.removeGroupRole(user.actor(), org, project, held.name());
            done("Group " + held.name() + " holds no role on " + project + " any more.");
        } catch (DomainException e) {
            refused("groups", e);
        }
    }

    public void update() throws IOException {
        try {
            ProjectInfo updated = projects.update(user.actor(), org, project, newName, description);
            project = updated.name();
            done("Saved project " + updated.name() + ".");
        } catch (DomainException e) {
            refused("settings", e);
        }
    }

    public void delete() throws IOException {
        if (confirmation == null || !confirmation.strip().equals(project)) {
            refused("delete", DomainException.invalid("confirmation", "Type the project's name, " + project + ", to delete it. Nothing was deleted."));
            ask("delete");
            return;
        }
        try {
            projects.delete(user.actor(), org, project);
            Outcome.done(faces, "Deleted project " + org + "/" + project + ". Its files on the server are left as they were.",
                    "/organization?org=" + query(org));
        } catch (DomainException e) {
            refused("delete", e);
        }
    }

    public boolean projectCan(String permission) {
        return projectDetails != null && Boolean.TRUE.equals(projectDetails.permissions().get(permission));
    }

    public List<String> getProjectRoles() {
        return Arrays.stream(ProjectRole.values()).map(ProjectRole::label).toList();
    }

    public InviteLink getNewLink() {
        return (InviteLink) faces.getExternalContext().getFlash().get(MemberAdmin.LINK);
    }

    @Override
    protected String here() {
        return "/project?org=" + query(org) + "&project=" + query(project);
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public ProjectDetails getProjectDetails() {
        return projectDetails;
    }

    public List<ProjectMemberInfo> getMembers() {
        return members;
    }

    public List<GroupRoleInfo> getGroupRoles() {
        return groupRoles;
    }

    public List<String> getGroups() {
        return groups;
    }

    public Map<String, String> getRoles() {
        return roles;
    }

    public Map<String, String> getGroupRoleEdits() {
        return groupRoleEdits;
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

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getGroupRole() {
        return groupRole;
    }

    public void setGroupRole(String groupRole) {
        this.groupRole = groupRole;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
