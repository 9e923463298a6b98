package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * An organization's members: listed for viewers and up; added (an email without an account is invited),
 * changed and removed by editors and up, where only admins touch the admin role; attributes set by admins.
 * Anyone may leave ({@code current}). Every change applies to the person's tokens on their next request.
 */
@ApplicationScoped
@Transactional
public class Members {

    public static final String CURRENT = "current";
    public static final int PAGE_SIZE_MAX = 1000;

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

    public MemberPage list(Actor actor, String org, Integer pageSize, String pageToken) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_ORG_MEMBERS);
        int size = pageSize == null ? PAGE_SIZE_MAX : pageSize;
        if (size < 1 || size > PAGE_SIZE_MAX) {
            throw DomainException.invalid("pageSize", "pageSize must be between 1 and " + PAGE_SIZE_MAX + ", got " + size);
        }
        List<OrgMembership> found = em.createNamedQuery(OrgMembership.FIND_BY_ORG_AFTER, OrgMembership.class)
                .setParameter("organization", scope.organization()).setParameter("after", after(pageToken))
                .setMaxResults(size + 1).getResultList();
        Map<User, List<String>> groups = groupsOf(scope.organization());
        List<MemberInfo> page = found.stream().limit(size).map(member -> new MemberInfo(member.user().email(),
                member.user().displayName(), member.role().label(), groups.getOrDefault(member.user(), List.of()),
                member.attributes())).toList();
        String next = found.size() > size ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(found.get(size - 1).user().email().getBytes(StandardCharsets.UTF_8)) : null;
        return new MemberPage(page, next);
    }

    /** Adds the person with {@code email} in {@code role}; without an account they are invited instead. */
    public Added add(Actor actor, String org, String email, String role) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG_MEMBERS);
        String address = AdminInput.email("email", email);
        OrgRole wanted = AdminInput.orgRole(role);
        if (wanted == OrgRole.ADMIN) {
            scope.require(Permission.MANAGE_ORG_ADMINS);
        }
        Optional<User> user = users.findByEmail(address);
        if (user.isEmpty()) {
            return Added.invited(invitations.invite(scope, address, wanted, null, null));
        }
        Optional<OrgMembership> existing = roster.membership(scope.organization(), user.get());
        if (existing.isPresent() && existing.get().role() != OrgRole.GUEST) {
            throw DomainException.conflict("email", address + " is already a member of " + org + " (" + existing.get().role().label()
                    + "); change their role instead");
        }
        if (existing.isPresent()) {
            change(scope, existing.get(), wanted);
        } else {
            em.persist(new OrgMembership(scope.organization(), user.get(), wanted));
            record(scope, "member.add", address, null, wanted.label());
        }
        return Added.member();
    }

    public void changeRole(Actor actor, String org, String email, String role) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG_MEMBERS);
        OrgRole wanted = AdminInput.orgRole(role);
        OrgMembership member = roster.member(scope.organization(), AdminInput.email("email", email), "email");
        change(scope, member, wanted);
    }

    private void change(OrgScope scope, OrgMembership member, OrgRole wanted) {
        if (member.role() == wanted) {
            return;
        }
        if (member.role() == OrgRole.ADMIN || wanted == OrgRole.ADMIN) {
            scope.require(Permission.MANAGE_ORG_ADMINS);
        }
        if (member.role() == OrgRole.ADMIN) {
            roster.keepAnAdmin(scope.organization(), "role");
        }
        record(scope, "member.role", member.user().email(), member.role().label(), wanted.label());
        member.changeRole(wanted);
    }

    /** Takes the person out of the org with all their roles there; {@code current} is the caller leaving. */
    public void remove(Actor actor, String org, String email) {
        OrgScope scope = authority.orgForChange(actor, org);
        boolean leaving = CURRENT.equals(email);
        if (!leaving) {
            scope.require(Permission.MANAGE_ORG_MEMBERS);
        }
        User user = leaving ? scope.caller() : roster.account(AdminInput.email("email", email), "email");
        Optional<OrgMembership> member = roster.membership(scope.organization(), user);
        if (member.isEmpty() && (!leaving || scope.access().isEmpty())) {
            throw DomainException.invalid("email", (leaving ? "You are" : user.email() + " is") + " not a member of " + org);
        }
        if (member.isPresent() && member.get().role() == OrgRole.ADMIN) {
            if (!leaving) {
                scope.require(Permission.MANAGE_ORG_ADMINS);
            }
            roster.keepAnAdmin(scope.organization(), "email");
        }
        record(scope, leaving ? "member.leave" : "member.remove", user.email(),
                member.map(m -> m.role().label()).orElse(OrgRole.GUEST.label()), null);
        roster.removeFromOrg(scope.organization(), user);
    }

    /** Replaces the member's custom attributes in this org (only this org's policies see them). */
    public Map<String, String> setAttributes(Actor actor, String org, String email, Map<String, ?> attributes) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_MEMBER_ATTRIBUTES);
        Map<String, String> valid = AdminInput.attributes(attributes);
        OrgMembership member = roster.member(scope.organization(), AdminInput.email("email", email), "email");
        if (!valid.equals(member.attributes())) {
            record(scope, "member.attributes", member.user().email(), text(member.attributes()), text(valid));
            member.replaceAttributes(valid);
        }
        return valid;
    }

    private Map<User, List<String>> groupsOf(Organization org) {
        return em.createNamedQuery(Usergroup.FIND_BY_ORG, Usergroup.class).setParameter("organization", org).getResultStream()
                .flatMap(group -> group.members().stream().map(user -> Map.entry(user, group.name())))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private void record(OrgScope scope, String kind, String subject, String before, String after) {
        audit.record(scope.actor(), scope.change(kind, subject, before, after));
    }

    private static String text(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String after(String pageToken) {
        if (pageToken == null || pageToken.isBlank()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(pageToken.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("pageToken", "pageToken is not one this server handed out; list again without it");
        }
    }
}
