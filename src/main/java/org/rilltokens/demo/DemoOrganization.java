package org.rilltokens.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * The demo organization "acme" with five people (SPEC §8), loaded when {@code RILL_DEMO=true} so a
 * newcomer has something to sign in to. Whatever already exists is kept: loading twice changes nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
// Each attempt commits on its own, so that a clash with another node loading at the same time can be retried.
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoOrganization {

    private static final int ATTEMPTS = 3;

    /**
     * The demo passwords of the README (demo-alice, demo-bob, …), hashed once when they were chosen, in the form and with the
     * strength of {@code Passwords}: five fresh hashes would cost every start of a new database about two seconds of CPU, for
     * passwords the README prints anyway. {@code DemoPasswordHashesTest} checks each against its password.
     */
    static final Map<String, String> DEMO_PASSWORD_HASHES = Map.of(
            "alice@acme.example", "PBKDF2WithHmacSHA512:210000:xpnQOVxHhPvf6SeiIEd72Wg/Rv4FLwSkfyiQ/en52go="
                    + ":Au+GhGO/rVocg33Bb64qN7fi80U/gBAoIpy/AuDjg/VM5+qQUGIYbiXGOkHDFrPg6GKoBIHXUCGd9sSfC4ePJg==",
            "bob@acme.example", "PBKDF2WithHmacSHA512:210000:mMANaISocnrswNvmJ/1Dj/b7kRiKGfHsyUj+vs7sYjw="
                    + ":PZol08T4SwCslvbGgVhrmSvoPeWRozou5LBUGAmvD6fDSxIT79kSW/lzy3okKmbHiISbMMB6ckrXoEyVSLQaPg==",
            "carol@partner.example", "PBKDF2WithHmacSHA512:210000:PJ4r9aUGwIPLuUBXozlICt4pGcIILwHzcGDkuSdeV2w="
                    + ":6qbnJRsksNtsnP6aw8CsJGWxV1hTroag/UMdY5gPN06BoBBdq9+rgFPMmsnym6Ens+oOZIaaDVIm0r1tzEclNQ==",
            "dave@acme.example", "PBKDF2WithHmacSHA512:210000:k+MPVyi+RtH2nzTHTZ6+0uwvY5qCbvS5xdMBrIB0ecs="
                    + ":k4seoQws/+kqnBfSzuolVursJSLm5M5T+053VjgPLOMG3CAkXIBR2fRT39uoF0T3VYKKdjt6+yaHlmXhpG+fNw==",
            "erin@acme.example", "PBKDF2WithHmacSHA512:210000:UiE2HWEirm4IW/j11i3bRlZnhWgPvHKZg0QmI3Bp21k="
                    + ":Yxq3VKavK8XRh2T+vmcTLuSH9OsGk3EhOp+Qr2IJR+ckEr20Yge8SFNCB5Kl06YjMrAffPupmv//3dHGF3DxHw==");

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "rill.demo", defaultValue = "false")
    boolean enabled;

    @Inject
    Users users;

    @PersistenceContext
    EntityManager em;

    @Inject
    Logger log;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                transaction.begin();
                load();
                transaction.commit();
                return;
            } catch (Exception e) {
                rollback();
                // Nodes started together on a new database race to create the same rows; the loser finds them next time.
                log.log(attempt < ATTEMPTS ? Level.INFO : Level.WARNING, "Demo organization not loaded (attempt {0} of {1}): {2}",
                        new Object[] {attempt, ATTEMPTS, e.toString()});
                pause();
            }
        }
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (Exception alreadyEnded) {
            // Nothing left to roll back.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Users.Account account(String email, String displayName) {
        return new Users.Account(email, displayName, DEMO_PASSWORD_HASHES.get(email));
    }

    private void load() {
        List<User> people = users.ensureAll(List.of(
                account("alice@acme.example", "Alice Admin"),
                account("bob@acme.example", "Bob Viewer"),
                account("carol@partner.example", "Carol Guest"),
                account("dave@acme.example", "Dave Editor"),
                account("erin@acme.example", "Erin Outsider")));
        User alice = people.get(0);
        User bob = people.get(1);
        User carol = people.get(2);
        User dave = people.get(3);

        Organization acme = find(Organization.FIND_BY_NAME, Organization.class, () -> new Organization("acme", "Acme Corp"),
                "name", "acme");
        Project sales = project(acme, "sales");
        Project ops = project(acme, "ops");

        member(acme, alice, OrgRole.ADMIN);
        member(acme, bob, OrgRole.VIEWER);
        member(acme, carol, OrgRole.GUEST);
        member(acme, dave, OrgRole.EDITOR);
        projectMember(sales, carol, ProjectRole.VIEWER);
        projectMember(ops, dave, ProjectRole.EDITOR);

        group(acme, "emea", bob, sales, ProjectRole.VIEWER, "region", "EMEA");
        group(acme, "amer", dave, null, null, "region", "AMER");
        log.info("Demo organization 'acme' is ready: sign in as alice@acme.example / demo-alice (demo passwords only)");
    }

    private Project project(Organization org, String name) {
        return find(Project.FIND_BY_NAME, Project.class, () -> new Project(org, name), "organization", org, "name", name);
    }

    private void member(Organization org, User user, OrgRole role) {
        find(OrgMembership.FIND, OrgMembership.class, () -> new OrgMembership(org, user, role),
                "organization", org, "user", user);
    }

    private void projectMember(Project project, User user, ProjectRole role) {
        find(ProjectMembership.FIND, ProjectMembership.class, () -> new ProjectMembership(project, user, role),
                "project", project, "user", user);
    }

    private void group(Organization org, String name, User member, Project project, ProjectRole role,
            String attribute, String value) {
        Usergroup group = find(Usergroup.FIND_BY_NAME, Usergroup.class, () -> new Usergroup(org, name),
                "organization", org, "name", name);
        if (!group.hasMember(member)) {
            group.addMember(member);
        }
        if (project != null && group.roleOn(project).isEmpty()) {
            group.grant(project, role);
        }
        OrgMembership membership = find(OrgMembership.FIND, OrgMembership.class, () -> {
            throw new IllegalStateException(member.email() + " must be a member of " + org.name() + " first");
        }, "organization", org, "user", member);
        if (!membership.attributes().containsKey(attribute)) {
            Map<String, String> attributes = new TreeMap<>(membership.attributes());
            attributes.put(attribute, value);
            membership.replaceAttributes(attributes);
        }
    }

    /** The entity a named query finds with the given parameters (name, value pairs), created when missing. */
    private <T> T find(String query, Class<T> type, Supplier<T> create, Object... parameters) {
        var typed = em.createNamedQuery(query, type);
        for (int i = 0; i < parameters.length; i += 2) {
            typed.setParameter((String) parameters[i], parameters[i + 1]);
        }
        return typed.getResultStream().findFirst().orElseGet(() -> {
            T created = create.get();
            em.persist(created);
            return created;
        });
    }
}
