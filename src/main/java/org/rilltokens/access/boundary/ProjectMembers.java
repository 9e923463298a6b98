package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.GroupProjectRole;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * Who holds a role on one project, directly or through a user group: read by project editors and up,
 * changed by project admins (org admins are admins of every project). A person outside the organization
 * who is given a project role becomes an org guest; an email without an account is invited.
 */
@ApplicationScoped
@Transactional
public class ProjectMembers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Roster roster;

    @Inject
    Invitations invitations;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    public List<ProjectMemberInfo> list(Actor actor, String org, String project) {
        ProjectScope scope = authority.project(authority.org(actor, org), project);
        scope.require(Permission.READ_PROJECT_MEMBERS);
        return em.createNamedQuery(ProjectMembership.FIND_BY_PROJECT, ProjectMembership.class).setParameter("project", scope.project())
                .getResultStream().map(member -> new ProjectMemberInfo(member.user().email(), member.user().displayName(),
                        member.role().label())).toList();
    }

    public Added add(Actor actor, String org, String project, String email, String role) {
        ProjectScope scope = changing(actor, org, project);
        String address = AdminInput.email("email", email);
        ProjectRole wanted = AdminInput.projectRole(role);
        Optional<User> user = users.findByEmail(address);
        if (user.isEmpty()) {
            return Added.invited(invitations.invite(scope.org(), address, null, scope.project(), wanted));
        }
        if (held(scope, user.get()).isPresent()) {
            throw DomainException.conflict("email", address + " already has a role on " + org + "/" + project
                    + "; change it instead");
        }
        roster.atLeastGuest(scope.org(), user.get());
        em.persist(new ProjectMembership(scope.project(), user.get(), wanted));
        record(scope, "project_member.add", address, null, wanted.label());
        return Added.member();
    }

    public void changeRole(Actor actor, String org, String project, String email, String role) {
        ProjectScope scope = changing(actor, org, project);
        ProjectRole wanted = AdminInput.projectRole(role);
        ProjectMembership member = member(scope, email);
        if (member.role() != wanted) {
            record(scope, "project_member.role", member.user().email(), member.role().label(), wanted.label());
            member.changeRole(wanted);
        }
    }

    public void remove(Actor actor, String org, String project, String email) {
        ProjectScope scope = changing(actor, org, project);
        ProjectMembership member = member(scope, email);
        record(scope, "project_member.remove", member.user().email(), member.role().label(), null);
        em.remove(member);
    }

    public List<GroupRoleInfo> groupRoles(Actor actor, String org, String project) {
        ProjectScope scope = authority.project(authority.org(actor, org), project);
        scope.require(Permission.READ_PROJECT_MEMBERS);
        return em.createNamedQuery(GroupProjectRole.FIND_BY_PROJECT, GroupProjectRole.class).setParameter("project", scope.project())
                .getResultStream().map(held -> new GroupRoleInfo(held.usergroup().name(), held.role().label())).toList();
    }

    /** Gives the group's members {@code role} on the project, replacing the role the group held there. */
    public void setGroupRole(Actor actor, String org, String project, String group, String role) {
        ProjectScope scope = changing(actor, org, project);
        ProjectRole wanted = AdminInput.projectRole(role);
        Usergroup usergroup = group(scope, group);
        Optional<ProjectRole> before = usergroup.roleOn(scope.project());
        if (before.filter(wanted::equals).isEmpty()) {
            record(scope, "usergroup_role.set", usergroup.name(), before.map(ProjectRole::label).orElse(null), wanted.label());
            usergroup.grant(scope.project(), wanted);
        }
    }

    public void removeGroupRole(Actor actor, String org, String project, String group) {
        ProjectScope scope = changing(actor, org, project);
        Usergroup usergroup = group(scope, group);
        ProjectRole before = usergroup.revoke(scope.project()).orElseThrow(() -> DomainException.invalid("group",
                "Group " + usergroup.name() + " holds no role on " + org + "/" + project));
        record(scope, "usergroup_role.remove", usergroup.name(), before.label(), null);
    }

    private ProjectScope changing(Actor actor, String org, String project) {
        ProjectScope scope = authority.project(authority.orgForChange(actor, org), project);
        scope.require(Permission.MANAGE_PROJECT_MEMBERS);
        return scope;
    }

    private Optional<ProjectMembership> held(ProjectScope scope, User user) {
        return em.createNamedQuery(ProjectMembership.FIND, ProjectMembership.class).setParameter("project", scope.project())
                .setParameter("user", user).getResultStream().findFirst();
    }

    private ProjectMembership member(ProjectScope scope, String email) {
        String address = AdminInput.email("email", email);
        return users.findByEmail(address).flatMap(user -> held(scope, user)).orElseThrow(() -> DomainException.invalid("email",
                address + " has no direct role on " + scope.org().organization().name() + "/" + scope.project().name()));
    }

    private Usergroup group(ProjectScope scope, String name) {
        return roster.group(scope.org().organization(), name).orElseThrow(() -> DomainException.invalid("group",
                        "No group '" + name + "' in " + scope.org().organization().name()));
    }

    /** The trail names the person (or group) as the subject, and the project with each role. */
    private void record(ProjectScope scope, String kind, String subject, String before, String after) {
        String project = scope.project().name() + ": ";
        audit.record(scope.org().actor(), scope.org().change(kind, subject, project + (before == null ? "none" : before),
                project + (after == null ? "none" : after)));
    }
}
