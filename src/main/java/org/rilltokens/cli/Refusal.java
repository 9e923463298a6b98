package org.rilltokens.cli;

import jakarta.json.JsonObject;

/** The server answered with an error: its HTTP status and its JSON body, whose message is shown. */
final class Refusal extends Failure {

    private final int status;
    private final transient JsonObject body;

    Refusal(int status, JsonObject body, String message) {
        super(REFUSED, message);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    JsonObject body() {
        return body;
    }
}
