package org.rilltokens.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.PolicyAttributes;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.access.control.ProjectGrant;
import org.rilltokens.access.control.RoleResolution;
import org.rilltokens.access.control.RoleSource;
import org.rilltokens.access.control.ScopeRules;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.platform.ClusterEpoch;
import org.rilltokens.platform.CountedMemory;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.users.entity.User;

/**
 * Who may reach what, resolved from the current memberships: a token inherits exactly this, so a role removed from
 * its owner is gone from the token on the next request. The one-project resolution on the path of every API and MCP
 * call is answered from this node's memory when it has made it lately under the current {@link ClusterEpoch} count:
 * every change to a membership, group, group role, attribute, user, project or organization, on any node, moves that
 * count before it is answered (the entities' listeners), so the next request anywhere resolves again.
 */
@ApplicationScoped
@Transactional
public class Access {

    /** The most projects one token may be restricted to. */
    public static final int RESTRICTION_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/rill")
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ClusterEpoch epoch;

    /** One user's standing in one project, remembered under the cluster's change count. */
    private CountedMemory<Place, Standing> standings;

    private record Place(UUID userId, String org, String project) {
    }

    @PostConstruct
    void remember() {
        standings = new CountedMemory<>(epoch);
    }

    /** Every organization the user is in (or a guest of) with the projects they reach; empty for inactive users. */
    public List<OrgAccess> of(UUID userId) {
        User user = em.find(User.class, userId);
        if (user == null || !user.isActive()) {
            return List.of();
        }
        List<OrgMembership> memberships = em.createNamedQuery(OrgMembership.FIND_BY_USER, OrgMembership.class)
                .setParameter("userId", userId).getResultList();
        List<Usergroup> groups = em.createNamedQuery(Usergroup.FIND_BY_MEMBER, Usergroup.class)
                .setParameter("userId", userId).getResultList();
        Map<String, OrgRole> orgRoles = memberships.stream()
                .collect(Collectors.toMap(m -> m.organization().name(), OrgMembership::role));
        Map<String, List<String>> groupsByOrg = groups.stream().collect(Collectors.groupingBy(
                g -> g.organization().name(), Collectors.mapping(Usergroup::name, Collectors.toList())));
        return RoleResolution.resolve(orgRoles, grants(userId, groups), projectsOfAdminOrgs(memberships), groupsByOrg);
    }

    /** The user's standing in one organization (all its projects they reach); empty when they are not in it. */
    public Optional<OrgAccess> org(UUID userId, String org) {
        return of(userId).stream().filter(access -> access.org().equals(org)).findFirst();
    }

    /**
     * The user's access to one project and the attributes its policies see; empty when they cannot see it.
     * Reads only what bears on that project, in two keyed SQL statements, not everything the user reaches.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectCaller> caller(UUID userId, String org, String project) {
        return standing(userId, org, project).map(Standing::caller);
    }

    /**
     * The one decision of what a request may do in a project: its owner's current access there intersected
     * with the scope of the credential it came with. A project the owner cannot see is not found (404), so its
     * existence is not revealed; one the owner sees but the scope leaves out, or an action the owner's role or
     * a read-only scope does not allow, is forbidden (403) with a message saying why. On the path of every API and
     * MCP call, so a read without a transaction of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectCaller project(UUID userId, TokenScope scope, String org, String project, Permission needed) {
        Standing standing = standing(userId, org, project).orElseThrow(() -> notFound(org, project));
        ProjectCaller caller = standing.caller();
        Optional<DomainException> refused = ScopeRules.refusal(scope, needed, org, project).or(() -> ScopeRules.lifetimeRefusal(
                scope, standing.tokenMaxLifetime(), org));
        if (refused.isPresent()) {
            throw refused.get();
        }
        if (!caller.access().can(needed)) {
            throw DomainException.forbidden("Your role on " + org + "/" + project + " (" + caller.access().role().name()
                    .toLowerCase(java.util.Locale.ROOT) + ") does not allow this");
        }
        return caller;
    }

    /** The user's access to one project they can see, and the maximum token lifetime its organization sets. */
    private record Standing(ProjectCaller caller, Optional<java.time.Duration> tokenMaxLifetime) {
    }

    private static final String STANDING = "SELECT p.id, o.id, o.token_max_lifetime_minutes, u.email, u.display_name,"
            + " u.active, m.role, d.role FROM projects p JOIN organizations o ON o.id = p.org_id JOIN users u ON u.id = ?"
            + " LEFT JOIN org_members m ON m.org_id = o.id AND m.user_id = u.id"
            + " LEFT JOIN project_members d ON d.project_id = p.id AND d.user_id = u.id WHERE o.name = ? AND p.name = ?";
    /** The user's groups in the org with each one's role on the project (1), then their attributes in the org (2). */
    private static final String GROUPS_AND_ATTRIBUTES = "SELECT 1, g.name, r.role FROM usergroups g"
            + " JOIN usergroup_members gm ON gm.usergroup_id = g.id"
            + " LEFT JOIN usergroup_project_roles r ON r.usergroup_id = g.id AND r.project_id = ?"
            + " WHERE g.org_id = ? AND gm.user_id = ?"
            + " UNION ALL SELECT 2, a.name, a.attr_value FROM org_member_attributes a JOIN org_members m ON m.id = a.member_id"
            + " WHERE m.org_id = ? AND m.user_id = ?";

    /**
     * The project's row with the user's memberships, then their groups and attributes: committed rows, so changes of
     * this transaction are flushed first. Empty when there is no such project or user, or the user cannot see it.
     */
    private Optional<Standing> standing(UUID userId, String org, String project) {
        if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
            // A transaction sees its own changes, which no count covers yet: resolved afresh and not remembered.
            em.flush();
            return read(userId, org, project);
        }
        return standings.get(new Place(userId, org, project), () -> read(userId, org, project));
    }

    private Optional<Standing> read(UUID userId, String org, String project) {
        try (Connection connection = database.getConnection();
                PreparedStatement standing = connection.prepareStatement(STANDING)) {
            standing.setObject(1, userId);
            standing.setString(2, org);
            standing.setString(3, project);
            try (ResultSet row = standing.executeQuery()) {
                if (!row.next() || !row.getBoolean(6)) {
                    return Optional.empty();
                }
                // Plain getters: a container's JDBC wrapper may answer getObject(i, Class) by reflection on every call.
                long minutes = row.getLong(3);
                Optional<java.time.Duration> maxLifetime = row.wasNull() ? Optional.empty()
                        : Optional.of(java.time.Duration.ofMinutes(minutes));
                String email = row.getString(4);
                String displayName = row.getString(5);
                Map<String, OrgRole> orgRole = row.getString(7) == null ? Map.of() : Map.of(org, OrgRole.valueOf(row.getString(7)));
                List<ProjectGrant> grants = new ArrayList<>();
                if (row.getString(8) != null) {
                    grants.add(new ProjectGrant(org, project, ProjectRole.valueOf(row.getString(8)), RoleSource.DIRECT));
                }
                List<String> groups = new ArrayList<>();
                Map<String, String> attributes = new java.util.TreeMap<>();
                readGroupsAndAttributes(connection, UUID.fromString(row.getString(1)), UUID.fromString(row.getString(2)), userId,
                        (group, role) -> {
                            groups.add(group);
                            role.ifPresent(held -> grants.add(new ProjectGrant(org, project, held, RoleSource.group(group))));
                        }, attributes::put);
                return RoleResolution.resolve(orgRole, grants, Map.of(org, List.of(project)), Map.of(org, groups)).stream()
                        .findFirst().flatMap(orgAccess -> orgAccess.project(project).map(projectAccess -> new Standing(
                                new ProjectCaller(projectAccess, new PolicyAttributes(email, User.domainOf(email), displayName,
                                        projectAccess.isAdmin(), orgAccess.groups(), attributes)), maxLifetime)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Access to " + org + "/" + project + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Hands each of the user's groups in the org, with its role on the project if any, then each of their attributes. */
    private static void readGroupsAndAttributes(Connection connection, UUID projectId, UUID orgId, UUID userId,
            BiConsumer<String, Optional<ProjectRole>> group,
            BiConsumer<String, String> attribute) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(GROUPS_AND_ATTRIBUTES)) {
            query.setObject(1, projectId);
            query.setObject(2, orgId);
            query.setObject(3, userId);
            query.setObject(4, orgId);
            query.setObject(5, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(1) == 2) {
                        attribute.accept(rows.getString(2), rows.getString(3));
                    } else {
                        group.accept(rows.getString(2), Optional.ofNullable(rows.getString(3)).map(ProjectRole::valueOf));
                    }
                }
            }
        }
    }

    /** The organizations the user is in that limit token lifetimes, with their maximum. */
    public Map<String, java.time.Duration> tokenMaxLifetimes(UUID userId) {
        List<String> orgs = of(userId).stream().map(OrgAccess::org).toList();
        if (orgs.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT o FROM Organization o WHERE o.name IN :names", Organization.class)
                .setParameter("names", orgs).getResultStream().filter(o -> o.tokenMaxLifetime().isPresent())
                .collect(Collectors.toMap(Organization::name, o -> o.tokenMaxLifetime().orElseThrow()));
    }

    /**
     * The projects a new token may be restricted to: each {@code org/project} named must be one the owner can
     * reach now and, when a token issues the new one, one the issuing token reaches too (a restriction never
     * grants, and no token makes one wider than itself).
     */
    public Set<Project> restriction(UUID userId, TokenScope through, List<String> paths) {
        if (paths.isEmpty()) {
            throw DomainException.invalid("projects", "projects is empty: name at least one org/project, or leave projects out"
                    + " for a token with all of your access");
        }
        if (paths.size() > RESTRICTION_MAX) {
            throw DomainException.invalid("projects", "A token can be restricted to at most " + RESTRICTION_MAX + " projects");
        }
        Set<Project> projects = new LinkedHashSet<>();
        for (String path : paths) {
            String[] names = path == null ? new String[0] : path.strip().split("/", -1);
            if (names.length != 2 || names[0].isEmpty() || names[1].isEmpty()) {
                throw DomainException.invalid("projects", "Each project is written org/project, e.g. acme/sales; got '" + path + "'");
            }
            ProjectCaller caller = caller(userId, names[0], names[1]).orElseThrow(() -> DomainException.invalid("projects",
                    "No project " + names[0] + "/" + names[1] + " is visible to you"));
            if (!through.includes(names[0], names[1])) {
                throw DomainException.forbidden("This token does not include project " + names[0] + "/" + names[1]
                        + ", so a token it issues cannot either");
            }
            projects.add(em.createNamedQuery(Project.FIND_BY_PATH, Project.class).setParameter("org", caller.access().org())
                    .setParameter("project", caller.access().project()).getSingleResult());
        }
        return projects;
    }

    /** Refuses any change through a read-only token (its own tokens included). */
    public void requireWritable(TokenScope scope) {
        if (scope.readOnly()) {
            throw ScopeRules.readOnly();
        }
    }

    private static DomainException notFound(String org, String project) {
        return DomainException.notFound("No project " + org + "/" + project + " is visible to you");
    }

    /** What the security policies of a project, already resolved for the user, see of them. */
    public PolicyAttributes attributes(UUID userId, OrgAccess org, ProjectAccess project) {
        User user = em.find(User.class, userId);
        // Custom attributes belong to the membership in this one organization: only its policies see them.
        return new PolicyAttributes(user.email(), user.domain(), user.displayName(), project.isAdmin(), org.groups(),
                em.createNamedQuery(OrgMembership.FIND_BY_ORG_NAME_AND_USER, OrgMembership.class).setParameter("org", org.org())
                        .setParameter("userId", user.id()).getResultStream().findFirst().map(OrgMembership::attributes)
                        .orElse(Map.of()));
    }

    private List<ProjectGrant> grants(UUID userId, List<Usergroup> groups) {
        List<ProjectGrant> grants = new ArrayList<>();
        em.createNamedQuery(ProjectMembership.FIND_BY_USER, ProjectMembership.class).setParameter("userId", userId)
                .getResultStream().forEach(m -> grants.add(new ProjectGrant(m.project().organization().name(),
                        m.project().name(), m.role(), RoleSource.DIRECT)));
        for (Usergroup group : groups) {
            group.projectRoles().forEach((project, role) -> grants.add(new ProjectGrant(
                    project.organization().name(), project.name(), role, RoleSource.group(group.name()))));
        }
        return grants;
    }

    private Map<String, List<String>> projectsOfAdminOrgs(List<OrgMembership> memberships) {
        List<Organization> adminOrgs = memberships.stream().filter(m -> m.role() == OrgRole.ADMIN)
                .map(OrgMembership::organization).toList();
        if (adminOrgs.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Project.FIND_BY_ORGS, Project.class).setParameter("organizations", adminOrgs)
                .getResultStream().collect(Collectors.groupingBy(p -> p.organization().name(),
                        Collectors.mapping(Project::name, Collectors.toList())));
    }
}
