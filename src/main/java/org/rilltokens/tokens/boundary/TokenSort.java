package org.rilltokens.tokens.boundary;

import java.util.Comparator;
import java.util.Locale;

/**
 * The orders the tokens table offers, each with the direction people want first: newest created,
 * soonest to expire (tokens that never expire last), most recently used (never used last).
 */
public enum TokenSort {
    CREATED(true, Comparator.comparing(TokenInfo::createdOn)),
    EXPIRES(false, Comparator.comparing(TokenInfo::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))),
    USED(true, Comparator.comparing(TokenInfo::usedOn, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final boolean descendingFirst;
    private final Comparator<TokenInfo> ascending;

    TokenSort(boolean descendingFirst, Comparator<TokenInfo> ascending) {
        this.descendingFirst = descendingFirst;
        this.ascending = ascending;
    }

    /** The order a query parameter names; anything else is the default, newest first. */
    public static TokenSort of(String param) {
        for (TokenSort sort : values()) {
            if (sort.param().equals(param)) {
                return sort;
            }
        }
        return CREATED;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean descendingFirst() {
        return descendingFirst;
    }

    /** Ties (two tokens never used) keep the newest first. */
    public Comparator<TokenRow> comparator(boolean descending) {
        Comparator<TokenInfo> order = descending ? ascending.reversed() : ascending;
        return Comparator.comparing(TokenRow::token, order.thenComparing(TokenInfo::createdOn, Comparator.reverseOrder()));
    }
}
