package org.rilltokens.cli;

/** The saved login: which server, the token rill login received, and whose it is. */
record Credentials(String apiUrl, String token, String email) {

    @Override
    public String toString() {
        return "Credentials[" + apiUrl + ", " + email + "]";
    }
}
