package org.rilltokens.tokens.boundary;

import java.util.List;

/** One page of a newest-first token list; {@code nextPageToken} is null on the last page. */
public record TokenPage(List<TokenInfo> tokens, String nextPageToken) {
}
