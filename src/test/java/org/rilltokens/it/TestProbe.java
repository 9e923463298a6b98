package org.rilltokens.it;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rilltokens.devices.control.DeviceAuthorizationPurge;
import org.rilltokens.platform.ClusterEpoch;
import org.rilltokens.tokens.boundary.Tokens;
import org.rilltokens.tokens.control.ExpiredTokenPurge;
import org.rilltokens.tokens.control.ExpiryWarnings;
import org.rilltokens.tokens.control.UnusedTokenRevocation;
import org.rilltokens.tokens.control.UsageRecorder;
import org.rilltokens.apis.control.ProjectCatalog;
import org.rilltokens.apis.control.ProjectProblem;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * Test-only window into the server, added to the deployment by the integration tests (never shipped):
 * creates users, moves a token's or a device login's expiry into the past, deactivates an owner, runs the timers now,
 * forgets counted sign-in attempts, warns of expiring tokens now, tells the custom API files' problems.
 */
@WebServlet("/__test/*")
@ServletSecurity
public class TestProbe extends HttpServlet {

    @Inject
    Users users;

    @Inject
    ClusterEpoch epoch;

    @Inject
    Tokens tokens;

    @Inject
    UsageRecorder usage;

    @Inject
    ExpiredTokenPurge purge;

    @Inject
    ExpiryWarnings expiryWarnings;

    @Inject
    UnusedTokenRevocation unused;

    @Inject
    ProjectCatalog catalog;

    @Inject
    DeviceAuthorizationPurge devicePurge;

    /**
     * PBKDF2-HMAC-SHA512 as the product hashes passwords, with 1 024 iterations (the least Jakarta Security takes) instead of 210 000, for the users made
     * here: the stored hash names its iteration count, so signing in checks them the product's way (users/control/
     * Passwords), at a fraction of the CPU. People who choose a password (invitations, the portal) still get 210 000.
     */
    @Inject
    Pbkdf2PasswordHash quickHash;

    @PostConstruct
    void quicklyHashed() {
        quickHash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512", "Pbkdf2PasswordHash.Iterations", "1024",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32", "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getPathInfo()) {
                case "/user" -> "none".equals(request.getParameter("password")) ? userWithoutPassword(request.getParameter("email"))
                        : user(request.getParameter("email"), !"false".equals(request.getParameter("token")));
                case "/superuser" -> superuser(request.getParameter("email"));
                case "/forget-sign-ins" -> forgetSignIns();
                case "/quick-demo-passwords" -> quickDemoPasswords();
                case "/expire" -> expire(UUID.fromString(request.getParameter("token")), Long.parseLong(request.getParameter("minutesAgo")));
                case "/deactivate" -> deactivate(request.getParameter("email"));
                case "/expire-device" -> expireDevice(request.getParameter("code"), minutesAgo(request));
                case "/purge-devices" -> String.valueOf(devicePurge.purge());
                case "/flush" -> { usage.flush(); yield "flushed"; }
                case "/purge" -> String.valueOf(purge.purge());
                case "/warn-expiring" -> String.valueOf(expiryWarnings.warn());
                case "/revoke-unused" -> String.valueOf(unused.revoke());
                case "/writes" -> String.valueOf(usage.writes());
                case "/catalog-problems" -> request.getParameter("project") == null ? String.join("\n", catalog.problems())
                        : catalog.problems(request.getParameter("org"), request.getParameter("project")).stream()
                                .map(ProjectProblem::toString).collect(java.util.stream.Collectors.joining("\n"));
                case "/sql" -> sql(request.getParameter("update"), request.getParameterValues("arg"));
                default -> throw new IllegalArgumentException(request.getPathInfo());
            };
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    /** A user whose password is "password-" + email; answers their first token ("first"), unless asked for none. */
    private String user(String email, boolean withToken) throws Exception {
        User user = ensure(email, email.split("@")[0], true);
        return withToken ? tokens.issue(user.id(), "first", null).token() : "";
    }

    /** A user who cannot sign in to the portal (no password: no hashing at all), with a first token. */
    private String userWithoutPassword(String email) throws Exception {
        return tokens.issue(ensure(email, email.split("@")[0], false).id(), "first", null).token();
    }

    /** The user with this email, made now if there is none, with the password "password-" + email or none. */
    private User ensure(String email, String displayName, boolean withPassword) throws Exception {
        User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            tx.begin();
            user = new User(email, displayName, Instant.now());
            if (withPassword) {
                user.changePasswordHash(quickHash.generate(("password-" + email).toCharArray()));
            }
            em.persist(user);
            tx.commit();
        }
        return user;
    }

    /** A superuser, as RILL_ADMIN_EMAIL makes one at startup; answers their first token. */
    private String superuser(String email) throws Exception {
        ensure(email, User.normalizeEmail(email).split("@")[0], true);
        User user = users.ensureSuperuser(email, "password-" + email);
        return tokens.issue(user.id(), "first", null).token();
    }

    /**
     * Gives the demo users their same README passwords ("demo-" and the name) under the quick hash the users made here have:
     * the shared test server signs them in a hundred times a pass, each a full PBKDF2 check at the product's strength
     * (a sixth of the server's CPU, profiled). The sign-in code is the product's either way.
     */
    private String quickDemoPasswords() throws Exception {
        tx.begin();
        List<String> demo = List.of("alice@acme.example", "bob@acme.example", "carol@partner.example", "dave@acme.example",
                "erin@acme.example");
        for (String email : demo) {
            users.findByEmail(email).map(em::merge).orElseThrow()
                    .changePasswordHash(quickHash.generate(("demo-" + email.substring(0, email.indexOf('@'))).toCharArray()));
        }
        tx.commit();
        return String.valueOf(demo.size());
    }

    /** Forgets every counted sign-in attempt, so that one test's failures never pause another's sign-in. */
    private String forgetSignIns() throws Exception {
        tx.begin();
        int forgotten = em.createNativeQuery("DELETE FROM sign_in_counters").executeUpdate();
        tx.commit();
        return String.valueOf(forgotten);
    }

    private String expire(UUID token, long minutesAgo) throws Exception {
        tx.begin();
        // Behind JPA's back, as an operator's tool would: the change is counted, or nodes trust their memory of it.
        epoch.changed();
        int changed = em.createNativeQuery("UPDATE user_tokens SET expires_on = ? WHERE id = ?")
                .setParameter(1, Instant.now().minusSeconds(minutesAgo * 60).atOffset(ZoneOffset.UTC))
                .setParameter(2, token).executeUpdate();
        tx.commit();
        return String.valueOf(changed);
    }

    private String deactivate(String email) throws Exception {
        tx.begin();
        users.findByEmail(email).map(user -> em.merge(user)).orElseThrow().deactivate();
        tx.commit();
        return "deactivated";
    }

    /** Changes roles, groups or attributes behind the application's back, as an administrator's tool would. */
    private String sql(String update, String[] args) throws Exception {
        tx.begin();
        epoch.changed();
        var query = em.createNativeQuery(update);
        for (int i = 0; args != null && i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        int changed = query.executeUpdate();
        tx.commit();
        return String.valueOf(changed);
    }

    private static long minutesAgo(HttpServletRequest request) {
        String minutes = request.getParameter("minutesAgo");
        return minutes == null ? 1 : Long.parseLong(minutes);
    }

    private String expireDevice(String userCode, long minutesAgo) throws Exception {
        tx.begin();
        int changed = em.createNativeQuery("UPDATE device_authorizations SET expires_on = ? WHERE user_code = ?")
                .setParameter(1, Instant.now().minusSeconds(minutesAgo * 60).atOffset(ZoneOffset.UTC))
                .setParameter(2, userCode.replace("-", "")).executeUpdate();
        tx.commit();
        return String.valueOf(changed);
    }
}
