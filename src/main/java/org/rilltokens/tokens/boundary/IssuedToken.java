package org.rilltokens.tokens.boundary;

/** A token just issued: the only moment its full text exists outside the caller's hands. */
public record IssuedToken(String token, TokenInfo tokenInfo) {

    @Override
    public String toString() {
        return "IssuedToken[" + tokenInfo.prefix() + "]";
    }
}
