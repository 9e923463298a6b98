package org.rilltokens.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.users.boundary.Users;

/** Creates the administrator named by RILL_ADMIN_EMAIL / RILL_ADMIN_PASSWORD, once, so a fresh install can be used. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class FirstAdmin {

    @Inject
    @ConfigProperty(name = "rill.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "rill.admin.password")
    Optional<String> password;

    @Inject
    Users users;

    @Inject
    Logger log;

    @PostConstruct
    void create() {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        if (password.get().length() < Passwords.MIN_LENGTH) {
            log.log(Level.WARNING, "RILL_ADMIN_PASSWORD is shorter than {0} characters; no administrator was created",
                    Passwords.MIN_LENGTH);
            return;
        }
        users.ensureSuperuser(email.get(), password.get());
        log.log(Level.INFO, "Administrator {0} is ready", email.get());
    }
}
