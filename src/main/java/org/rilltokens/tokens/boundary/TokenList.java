package org.rilltokens.tokens.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.rilltokens.web.ActiveUser;

/**
 * The tokens table: the signed-in user's tokens, filtered and sorted by query parameters, so a sorted
 * or filtered list is a link that can be bookmarked, and reading it never changes anything.
 */
@Named
@ViewScoped
public class TokenList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Tokens tokens;

    @Inject
    transient Clock clock;

    @Inject
    ActiveUser user;

    private String filter;
    private String sort;
    private String order;
    private List<TokenRow> all = List.of();
    private List<TokenRow> shown = List.of();

    public void load() {
        Instant now = clock.instant();
        all = tokens.list(user.id(), Tokens.PAGE_SIZE_MAX, null).tokens().stream().map(token -> new TokenRow(token, now)).toList();
        shown = all.stream().filter(row -> row.matches(filter)).sorted(sorting().comparator(descending())).toList();
    }

    public String getCount() {
        String total = all.size() + (all.size() == 1 ? " token" : " tokens");
        return isFiltered() ? shown.size() + " of " + total + " match “" + filter.strip() + "”" : total;
    }

    public String sortHref(String column) {
        TokenSort wanted = TokenSort.of(column);
        return query(wanted, wanted == sorting() ? !descending() : wanted.descendingFirst(), filter);
    }

    public String ariaSort(String column) {
        return TokenSort.of(column) != sorting() ? "none" : descending() ? "descending" : "ascending";
    }

    /** This page as it is sorted and filtered now: where a form on it sends the browser back to. */
    public String getHere() {
        return query(sorting(), descending(), filter);
    }

    /** How many of the user's tokens carry this display name. */
    public long named(String displayName) {
        return all.stream().filter(row -> row.token().displayName().equals(displayName)).count();
    }

    private TokenSort sorting() {
        return TokenSort.of(sort);
    }

    private boolean descending() {
        return order == null || !(order.equals("asc") || order.equals("desc")) ? sorting().descendingFirst() : order.equals("desc");
    }

    private static String query(TokenSort sort, boolean descending, String filter) {
        String query = "?sort=" + sort.param() + "&order=" + (descending ? "desc" : "asc");
        return filter == null || filter.isBlank() ? query : query + "&filter=" + URLEncoder.encode(filter.strip(), StandardCharsets.UTF_8);
    }

    public boolean isFiltered() {
        return filter != null && !filter.isBlank();
    }

    /** Whether the user has any token at all (filtered out or not). */
    public boolean isAny() {
        return !all.isEmpty();
    }

    /** Every token (filtered out or not) that ends within 7 days: the banner above the page names them. */
    public List<TokenRow> getExpiring() {
        return all.stream().filter(row -> row.status() == TokenRow.Status.EXPIRING)
                .sorted(Comparator.comparing(row -> row.token().expiresOn())).toList();
    }

    public String getExpiringHeading() {
        int count = getExpiring().size();
        return (count == 1 ? "One of your tokens expires" : count + " of your tokens expire") + " within 7 days:";
    }

    public List<TokenRow> getShown() {
        return shown;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null || filter.length() <= 255 ? filter : filter.substring(0, 255);
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }
}
