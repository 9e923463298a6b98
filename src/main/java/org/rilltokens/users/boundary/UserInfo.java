package org.rilltokens.users.boundary;

import java.util.UUID;

/** {@code GET /v1/users/current}: who the token acts as. */
public record UserInfo(UUID id, String email, String displayName, boolean superuser) {
}
