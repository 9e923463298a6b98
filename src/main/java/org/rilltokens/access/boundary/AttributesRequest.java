package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * The body of {@code PUT .../members/{email}/attributes}: all of the member's custom attributes, name to text
 * value ({@code {}} removes them all). Names and values are checked by {@code AdminInput}, as in the portal.
 */
public record AttributesRequest(
        @NotNull(message = "attributes is required: an object of name: value (use {} to remove all)")
        Map<String, Object> attributes) {
}
