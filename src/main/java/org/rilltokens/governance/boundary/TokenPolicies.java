package org.rilltokens.governance.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.rilltokens.access.boundary.Authority;
import org.rilltokens.access.boundary.OrgScope;
import org.rilltokens.access.control.Permission;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.tokens.entity.TokenPolicy;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Who may read and set the token policies: the instance's (superusers; read by everyone who issues tokens) and an
 * organization's maximum lifetime (its admins and superusers). Each change is in the audit trail.
 */
@ApplicationScoped
@Transactional
public class TokenPolicies {

    /** The instance's policy as the API shows it. */
    public record InstancePolicy(Long maxLifetimeMinutes, boolean expirationRequired, int unusedDays) {

        static InstancePolicy of(TokenPolicy policy) {
            return new InstancePolicy(policy.maxLifetimeMinutes().orElse(null), policy.expirationRequired(), policy.unusedDays());
        }
    }

    /** An organization's policy: the longest lifetime of a token that may reach its projects (null: any). */
    public record OrgPolicy(Long maxLifetimeMinutes) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    AuditTrail audit;

    /** Anyone signed in may read it: it says what they may issue. */
    public InstancePolicy instance(Actor actor) {
        authority.account(actor);
        return InstancePolicy.of(policy());
    }

    public InstancePolicy changeInstance(Actor actor, Long maxLifetimeMinutes, Boolean expirationRequired, Long unusedDays) {
        authority.service(actor).require(Permission.MANAGE_ALL_TOKENS);
        TokenPolicy policy = policy();
        InstancePolicy before = InstancePolicy.of(policy);
        int days = unusedDays == null ? policy.unusedDays() : unusedDays > Integer.MAX_VALUE ? -1 : unusedDays.intValue();
        policy.change(maxLifetimeMinutes, expirationRequired == null ? policy.expirationRequired() : expirationRequired, days);
        InstancePolicy after = InstancePolicy.of(policy);
        audit.record(actor, Change.ofAccount("token-policy.update", "instance", before.toString(), after.toString()));
        return after;
    }

    public OrgPolicy org(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_ORG);
        return new OrgPolicy(scope.organization().tokenMaxLifetime().map(max -> max.toMinutes()).orElse(null));
    }

    public OrgPolicy changeOrg(Actor actor, String org, Long maxLifetimeMinutes) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG_TOKENS);
        OrgPolicy before = new OrgPolicy(scope.organization().tokenMaxLifetime().map(max -> max.toMinutes()).orElse(null));
        scope.organization().limitTokenLifetime(maxLifetimeMinutes, UserToken.TTL_MINUTES_MAX);
        OrgPolicy after = new OrgPolicy(maxLifetimeMinutes);
        audit.record(actor, scope.change("token-policy.update", org, before.toString(), after.toString()));
        return after;
    }

    private TokenPolicy policy() {
        return em.find(TokenPolicy.class, TokenPolicy.ID);
    }
}
