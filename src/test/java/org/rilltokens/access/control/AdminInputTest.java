package org.rilltokens.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.platform.DomainException;

class AdminInputTest {

    @Test
    void namesAreWhatAUrlPathCarriesAsItIs() {
        assertThat(AdminInput.name("name", " sales_2024-eu ")).isEqualTo("sales_2024-eu");
        assertThat(AdminInput.name("name", "x".repeat(64))).hasSize(64);
        for (String bad : new String[] {"Sales", "a/b", "a b", "é", "x".repeat(65), "", "a.b", "%2F"}) {
            assertThatThrownBy(() -> AdminInput.name("name", bad)).as(bad).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("name"));
        }
    }

    @Test
    void domainsAreLowerCasedHostNamesOfAtLeastTwoLabels() {
        assertThat(AdminInput.domain("domain", " Acme.Example ")).isEqualTo("acme.example");
        assertThat(AdminInput.domain("domain", "eu.acme-corp.co.uk")).isEqualTo("eu.acme-corp.co.uk");
        for (String bad : new String[] {"acme", "@acme.example", "ann@acme.example", "-acme.example", "acme..example", "acme.example.",
            "ac me.example", "*.acme.example", "x".repeat(64) + ".example", ""}) {
            assertThatThrownBy(() -> AdminInput.domain("domain", bad)).as(bad).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("domain"));
        }
    }

    @Test
    void emailsAreLowerCasedAndMustLookLikeAnAddress() {
        assertThat(AdminInput.email("email", " Bob@Acme.Example ")).isEqualTo("bob@acme.example");
        for (String bad : new String[] {"bob", "bob@", "@acme.example", "bob@localhost", "bob smith@acme.example", "a@b@c.d"}) {
            assertThatThrownBy(() -> AdminInput.email("email", bad)).as(bad).hasMessageContaining("email must be an email address");
        }
        assertThatThrownBy(() -> AdminInput.email("email", null)).hasMessage("email is required");
    }

    @Test
    void rolesAreReadInAnyCaseAndAnUnknownOneListsTheChoices() {
        assertThat(AdminInput.orgRole("Admin")).isEqualTo(OrgRole.ADMIN);
        assertThat(AdminInput.projectRole("viewer")).isEqualTo(ProjectRole.VIEWER);
        assertThatThrownBy(() -> AdminInput.projectRole("guest")).hasMessage("role must be one of admin, editor, viewer, got 'guest'");
        assertThatThrownBy(() -> AdminInput.orgRole("owner")).hasMessageContaining("admin, editor, viewer, guest");
    }

    @Test
    void attributesNeedPlainNamesTextValuesAndCannotPoseAsBuiltIns() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("region", "EMEA");
        given.put("cost_center", "x".repeat(1024));
        assertThat(AdminInput.attributes(given)).containsOnlyKeys("cost_center", "region");
        assertThat(AdminInput.attributes(Map.of())).isEmpty();
        assertThatThrownBy(() -> AdminInput.attributes(Map.of("bad-name", "x"))).hasMessageContaining("letters, digits or '_'");
        assertThatThrownBy(() -> AdminInput.attributes(Map.of("groups", "x"))).hasMessageContaining("built-in");
        assertThatThrownBy(() -> AdminInput.attributes(Map.of("n", 5))).hasMessageContaining("text value");
        assertThatThrownBy(() -> AdminInput.attributes(Map.of("long", "x".repeat(1025)))).hasMessageContaining("1024");
        assertThatThrownBy(() -> AdminInput.attributes(null)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("attributes"));
    }
}
