package org.rilltokens.access.boundary;

import org.rilltokens.access.entity.AutoinviteDomain;

/** A domain that joins an organization by itself, as the API and the portal show it. */
public record AutoinviteInfo(String domain, String role) {

    static AutoinviteInfo of(AutoinviteDomain domain) {
        return new AutoinviteInfo(domain.domain(), domain.role().label());
    }
}
