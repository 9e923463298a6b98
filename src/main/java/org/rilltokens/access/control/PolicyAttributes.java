package org.rilltokens.access.control;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What security policies see of a caller on one project: {@code email}, {@code domain}, {@code name},
 * {@code admin} (project admin), {@code groups} (their groups in the org) and any custom attributes.
 */
public record PolicyAttributes(String email, String domain, String name, boolean admin, List<String> groups,
        Map<String, String> custom) {

    public PolicyAttributes {
        groups = List.copyOf(groups);
        custom = Map.copyOf(custom);
    }

    /** Every attribute by the name a policy uses; custom attributes never shadow the built-in ones. */
    public Map<String, Object> byName() {
        Map<String, Object> all = new TreeMap<>(custom);
        all.put("email", email);
        all.put("domain", domain);
        all.put("name", name);
        all.put("admin", admin);
        all.put("groups", groups);
        return all;
    }
}
