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
 * newcomer has something to sign in to. It is loaded into a database that has no organization "acme"; once there,
 * acme is its admins': a node that starts later (or again) changes nothing, so it cannot undo what they changed
 * meanwhile (a role taken away) nor race them to insert the same row while the other nodes serve.
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
        if (!em.createNamedQuery(Organization.FIND_BY_NAME, Organization.class).setParameter("name", "acme").getResultList().isEmpty()) {
            log.info("Demo organization 'acme' exists: left as its admins keep it");
            return;
        }
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

        Organization acme = created(new Organization("acme", "Acme Corp"));
        Project sales = created(new Project(acme, "sales"));
        Project ops = created(new Project(acme, "ops"));

        created(new OrgMembership(acme, alice, OrgRole.ADMIN));
        OrgMembership bobInAcme = created(new OrgMembership(acme, bob, OrgRole.VIEWER));
        created(new OrgMembership(acme, carol, OrgRole.GUEST));
        OrgMembership daveInAcme = created(new OrgMembership(acme, dave, OrgRole.EDITOR));
        created(new ProjectMembership(sales, carol, ProjectRole.VIEWER));
        created(new ProjectMembership(ops, dave, ProjectRole.EDITOR));

        Usergroup emea = created(new Usergroup(acme, "emea"));
        emea.addMember(bob);
        emea.grant(sales, ProjectRole.VIEWER);
        created(new Usergroup(acme, "amer")).addMember(dave);
        bobInAcme.replaceAttributes(Map.of("region", "EMEA"));
        daveInAcme.replaceAttributes(Map.of("region", "AMER"));
        log.info("Demo organization 'acme' is ready: sign in as alice@acme.example / demo-alice (demo passwords only)");
    }

    private <T> T created(T entity) {
        em.persist(entity);
        return entity;
    }
}
