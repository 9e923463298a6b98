package org.rilltokens.oauth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.oauth.control.ClientMetadataDocument;
import org.rilltokens.oauth.control.ClientRegistration;
import org.rilltokens.oauth.entity.RegisteredClient;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.web.RelativeTime;

/**
 * The OAuth clients this server knows: those identified by a Client ID Metadata Document URL, fetched when they
 * ask, and those that registered themselves (RFC 7591). Registration needs no account, so it is limited per client
 * address and overall, counted in the database (the registrations themselves), so the limits hold across nodes.
 */
@ApplicationScoped
@Transactional
public class OAuthClients {

    static final Duration COUNTED = Duration.ofHours(1);
    /** However many addresses ask: more than this an hour is an attack, not a crowd of new assistants. */
    static final long ALL_PER_HOUR = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rill.oauth.registrations-per-hour", defaultValue = "20")
    long perAddressPerHour;

    /** Test setting only: lets a test serve its client metadata document over http on this machine. */
    @Inject
    @ConfigProperty(name = "rill.oauth.allow-loopback-client-ids", defaultValue = "false")
    boolean loopbackClientIds;

    /** The client a {@code client_id} stands for; {@code invalid_client} when none does. */
    public ClientIdentity identify(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new OAuthError("invalid_request", "client_id is required");
        }
        if (ClientMetadataDocument.isUrl(clientId)) {
            ClientMetadataDocument document = ClientMetadataDocument.fetch(clientId, loopbackClientIds);
            return new ClientIdentity(clientId, document.clientName(), "its metadata document at "
                    + URI.create(clientId).getHost() + " (the name is what that site says)", document.redirectUris());
        }
        RegisteredClient client = Optional.ofNullable(clientId.length() > 64 ? null : em.find(RegisteredClient.class, clientId))
                .orElseThrow(() -> new OAuthError("invalid_client", "Unknown client_id '" + clientId
                        + "': register the client first, or use a client metadata document URL"));
        return new ClientIdentity(clientId, client.clientName(), "registering itself with this server "
                + RelativeTime.exact(client.registeredOn()) + " from " + client.registeredIp()
                + " (the name is the client's own claim, not verified)", client.redirectUris());
    }

    /** Registers a public client, unless this address (or everyone together) registered too many in the last hour. */
    public RegisteredClient register(ClientRegistration registration, String address) {
        Instant now = clock.instant();
        var since = now.minus(COUNTED).atOffset(ZoneOffset.UTC);
        long fromAddress = em.createNamedQuery(RegisteredClient.COUNT_FROM_SINCE, Long.class).setParameter("ip", address)
                .setParameter("since", since).getSingleResult();
        long fromAll = em.createNamedQuery(RegisteredClient.COUNT_SINCE, Long.class).setParameter("since", since).getSingleResult();
        if (fromAddress >= perAddressPerHour || fromAll >= ALL_PER_HOUR) {
            throw new OAuthError(429, "temporarily_unavailable", "Too many client registrations"
                    + (fromAddress >= perAddressPerHour ? " from your address" : "") + " in the last hour; try again later");
        }
        RegisteredClient client = new RegisteredClient(registration.clientName(), registration.redirectUris(), address, now);
        em.persist(client);
        return client;
    }
}
