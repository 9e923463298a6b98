package org.rilltokens.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.DomainException;

class CallApiRequestTest {

    @Test
    void jsonNumbersBecomeDecimalsLikeTheRestBodyAndOtherValuesPassAsTheyAre() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("year", 2024);
        arguments.put("share", 0.25);
        arguments.put("region", "EMEA");
        arguments.put("active", true);
        arguments.put("since", null);
        CallApiRequest request = CallApiRequest.of(Map.of("name", " revenue_by_product ", "arguments", arguments));
        assertThat(request.api()).isEqualTo("revenue_by_product");
        assertThat(request.arguments()).containsEntry("year", new BigDecimal("2024")).containsEntry("share", new BigDecimal("0.25"))
                .containsEntry("region", "EMEA").containsEntry("active", true).containsEntry("since", null);
        assertThat(request.limit()).isEqualTo(CallApiRequest.DEFAULT_LIMIT);
    }

    @Test
    void aMissingNameOrBadArgumentsOrLimitIsRefusedNamingTheField() {
        assertRefused(Map.of(), "name");
        assertRefused(Map.of("name", " "), "name");
        assertRefused(Map.of("name", "x", "arguments", List.of(2024)), "arguments");
        for (Object limit : List.of(0, -1, 1001, 2.5, "10")) {
            assertRefused(Map.of("name", "x", "limit", limit), "limit");
        }
        assertThat(CallApiRequest.of(Map.of("name", "x", "limit", 1000)).limit()).isEqualTo(1000);
        assertThat(CallApiRequest.of(Map.of("name", "x", "limit", 5.0)).limit()).isEqualTo(5);
    }

    private static void assertRefused(Map<String, Object> input, String field) {
        assertThatThrownBy(() -> CallApiRequest.of(input)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains("'" + field + "'");
        });
    }
}
