package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

/**
 * An organization's user groups: read by org viewers and up, created, renamed, deleted and filled by org
 * editors and up. Members must be in the organization (guests included). What a group may reach is set per
 * project by that project's admins ({@link ProjectMembers}).
 */
@ApplicationScoped
@Transactional
public class Usergroups {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Roster roster;

    @Inject
    AuditTrail audit;

    public List<UsergroupInfo> list(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_ORG_MEMBERS);
        return em.createNamedQuery(Usergroup.FIND_BY_ORG, Usergroup.class).setParameter("organization", scope.organization())
                .getResultStream().map(UsergroupInfo::of).toList();
    }

    public UsergroupInfo create(Actor actor, String org, String name) {
        OrgScope scope = changing(actor, org);
        String valid = AdminInput.name("name", name);
        refuseTaken(scope, valid);
        Usergroup group = new Usergroup(scope.organization(), valid);
        em.persist(group);
        audit.record(actor, scope.change("usergroup.create", valid, null, valid));
        return UsergroupInfo.of(group);
    }

    public void rename(Actor actor, String org, String group, String name) {
        OrgScope scope = changing(actor, org);
        Usergroup usergroup = group(scope, group);
        String valid = AdminInput.name("name", name);
        if (!valid.equals(usergroup.name())) {
            refuseTaken(scope, valid);
            audit.record(actor, scope.change("usergroup.rename", usergroup.name(), usergroup.name(), valid));
            usergroup.rename(valid);
        }
    }

    public void delete(Actor actor, String org, String group) {
        OrgScope scope = changing(actor, org);
        Usergroup usergroup = group(scope, group);
        audit.record(actor, scope.change("usergroup.delete", usergroup.name(), usergroup.name(), null));
        em.remove(usergroup);
    }

    public void addMember(Actor actor, String org, String group, String email) {
        OrgScope scope = changing(actor, org);
        Usergroup usergroup = group(scope, group);
        User user = roster.member(scope.organization(), AdminInput.email("email", email), "email").user();
        if (!usergroup.addMember(user)) {
            throw DomainException.conflict("email", user.email() + " is already in group " + usergroup.name());
        }
        audit.record(actor, scope.change("usergroup_member.add", user.email(), null, usergroup.name()));
    }

    public void removeMember(Actor actor, String org, String group, String email) {
        OrgScope scope = changing(actor, org);
        Usergroup usergroup = group(scope, group);
        User user = roster.account(AdminInput.email("email", email), "email");
        if (!usergroup.removeMember(user)) {
            throw DomainException.invalid("email", user.email() + " is not in group " + usergroup.name());
        }
        audit.record(actor, scope.change("usergroup_member.remove", user.email(), usergroup.name(), null));
    }

    private OrgScope changing(Actor actor, String org) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_USERGROUPS);
        return scope;
    }

    /** A group named in a path: one that does not exist is a 404 (the caller can list the groups). */
    private Usergroup group(OrgScope scope, String name) {
        return roster.group(scope.organization(), name).orElseThrow(() -> DomainException.notFound("No group '" + name + "' in " + scope.organization().name()));
    }

    private void refuseTaken(OrgScope scope, String name) {
        if (roster.group(scope.organization(), name).isPresent()) {
            throw DomainException.conflict("name", "A group named '" + name + "' exists already in " + scope.organization().name());
        }
    }
}
