package org.rilltokens.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.OAuthError;

class ClientMetadataDocumentTest {

    @Test
    void onlyPublicAddressesMayBeFetched() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "224.0.0.1", "198.18.0.1"}) {
            assertThat(ClientMetadataDocument.isPublic(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        for (String open : new String[] {"93.184.215.14", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(ClientMetadataDocument.isPublic(InetAddress.getByName(open))).as(open).isTrue();
        }
    }

    @Test
    void aClientIdUrlMustBeHttpsWithAPathAndAPublicHost() {
        for (String refused : new String[] {"http://app.example/client.json", "https://app.example", "https://app.example/",
                "https://app.example/a/../client.json", "https://app.example/client.json#x", "https://u@app.example/c.json",
                "https://10.0.0.1/client.json", "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/client.json"}) {
            assertThatThrownBy(() -> ClientMetadataDocument.fetch(refused, false)).as(refused).isInstanceOf(OAuthError.class)
                    .extracting(e -> ((OAuthError) e).error()).isEqualTo("invalid_client");
        }
    }

    @Test
    void theTestSettingAllowsHttpOnLoopbackOnly() {
        assertThatThrownBy(() -> ClientMetadataDocument.fetch("http://10.0.0.1/client.json", true))
                .hasMessageContaining("not a public address");
        // Allowed through the address checks: nothing listens there, so the fetch itself fails.
        assertThatThrownBy(() -> ClientMetadataDocument.fetch("http://127.0.0.1:1/client.json", true))
                .hasMessageContaining("could not be fetched");
    }
}
