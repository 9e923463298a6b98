package org.rilltokens.governance.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.BodyLimit;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Tokens reported as published (by a secret scanner, or anyone who found one): each live one is revoked at once,
 * its owner sees why, and the trail records it. Whoever reports learns nothing: the answer is the same whatever
 * the strings were.
 */
@ApplicationScoped
@Transactional
public class LeakReports {

    public static final int CREDENTIALS_MAX = 1000;
    public static final String REASON = "reported leaked: its secret was reported as published (POST /v1/credentials/revoke)";
    static final String PATH = "/v1/credentials/revoke";

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenTrail trail;

    @Inject
    Clock clock;

    /** Up to 1 000 tokens of about 70 characters, quoted and separated: more than the API's usual body. */
    @Produces
    BodyLimit reportLimit() {
        return BodyLimit.api(path -> path.equals(PATH), 128 * 1024);
    }

    /** Revokes each string that is a live token's full secret; anything else is ignored. */
    public void revoke(Actor reporter, List<String> credentials) {
        Instant now = clock.instant();
        for (String credential : credentials) {
            Optional<PlainToken> plain = PlainToken.parse(credential.strip());
            if (plain.isEmpty()) {
                continue;
            }
            UserToken token = em.find(UserToken.class, plain.get().id());
            if (token != null && plain.get().matches(token.secretHash()) && token.isLiveAt(now)) {
                token.revoke(now, null, REASON);
                trail.record(reporter, "token.leak-report", token, REASON);
                trail.revokedForOwner(token, TokenEvent.Reason.REPORTED_LEAKED, null);
            }
        }
    }
}
