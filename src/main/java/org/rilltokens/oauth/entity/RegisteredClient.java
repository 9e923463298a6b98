package org.rilltokens.oauth.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.oauth.control.ClientRegistration;
import org.rilltokens.oauth.control.RedirectUri;

/**
 * A client that registered itself (RFC 7591): a public client, so no secret, just the name it gave and the
 * addresses it may be sent back to. Its name is its own claim; the consent page says so.
 */
@Entity
@Table(name = "oauth_clients")
@NamedQueries({
    @NamedQuery(name = RegisteredClient.COUNT_SINCE,
            query = "SELECT COUNT(c) FROM RegisteredClient c WHERE c.registeredOn > :since"),
    @NamedQuery(name = RegisteredClient.COUNT_FROM_SINCE,
            query = "SELECT COUNT(c) FROM RegisteredClient c WHERE c.registeredIp = :ip AND c.registeredOn > :since"),
    @NamedQuery(name = RegisteredClient.FIND_UNUSED_BEFORE,
            query = "SELECT c FROM RegisteredClient c WHERE c.registeredOn < :before"
                    + " AND NOT EXISTS (SELECT g FROM OAuthGrant g WHERE g.clientId = c.clientId)")
})
public class RegisteredClient {

    public static final String COUNT_SINCE = "RegisteredClient.countSince";
    public static final String COUNT_FROM_SINCE = "RegisteredClient.countFromSince";
    public static final String FIND_UNUSED_BEFORE = "RegisteredClient.findUnusedBefore";

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "client_name", nullable = false, length = ClientRegistration.NAME_MAX)
    private String clientName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oauth_client_redirect_uris", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "redirect_uri", length = RedirectUri.MAX_LENGTH)
    private List<String> redirectUris = new ArrayList<>();

    @Column(name = "registered_on", nullable = false)
    private OffsetDateTime registeredOn;

    @Column(name = "registered_ip", nullable = false, length = 64)
    private String registeredIp;

    protected RegisteredClient() {
    }

    public RegisteredClient(String clientName, List<RedirectUri> redirectUris, String registeredIp, Instant now) {
        this.clientId = "rill-client-" + UUID.randomUUID();
        this.clientName = Objects.requireNonNull(clientName);
        this.redirectUris = redirectUris.stream().map(RedirectUri::toString).toList();
        this.registeredIp = Objects.requireNonNull(registeredIp);
        this.registeredOn = now.atOffset(ZoneOffset.UTC);
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public List<RedirectUri> redirectUris() {
        return redirectUris.stream().map(RedirectUri::parse).toList();
    }

    public Instant registeredOn() {
        return registeredOn.toInstant();
    }

    public String registeredIp() {
        return registeredIp;
    }
}
