package org.rilltokens.tokens.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.DomainException;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.users.entity.User;

class UserTokenTest {

    private final Instant now = Instant.parse("2024-01-15T10:30:00.123456789Z");
    private final User owner = new User("Alice@Acme.example", "Alice", now);
    private final PlainToken plain = PlainToken.generate();

    @Test
    void expiresExactlyTtlMinutesAfterCreation() {
        UserToken token = token("ci", 60L, now);

        assertThat(token.expiresOn()).contains(token.createdOn().plus(Duration.ofMinutes(60)));
        assertThat(token.isExpiredAt(token.createdOn().plus(Duration.ofMinutes(60)).minusNanos(1000))).isFalse();
        assertThat(token.isExpiredAt(token.createdOn().plus(Duration.ofMinutes(60)))).isTrue();
        assertThat(token.statusAt(now.plus(Duration.ofHours(2)))).isEqualTo(UserToken.Status.EXPIRED);
    }

    @Test
    void itIsExpiringInItsLastSevenDaysOnlyUntilItEnds() {
        UserToken month = token("export", 30L * 24 * 60, now);
        Instant end = month.expiresOn().orElseThrow();

        assertThat(month.isExpiringAt(now)).isFalse();
        assertThat(month.isExpiringAt(end.minus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
        assertThat(month.isExpiringAt(end.minus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
        assertThat(month.isExpiringAt(end.minusSeconds(1))).isTrue();
        assertThat(month.isExpiringAt(end)).as("expired, not expiring").isFalse();
        assertThat(token("forever", null, now).isExpiringAt(now.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void aRenewedTokenTakesOnlyItsNewSecretAndLivesLongerWhileItsSecretLastsLess() {
        UserToken token = token("assistant (OAuth)", 60L * 24 * 30, now);
        token.limitSecret(now.plus(Duration.ofHours(1)));
        assertThat(token.isUsableAt(now.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(token.isUsableAt(now.plus(Duration.ofMinutes(61)))).as("secret expired, token not").isFalse();
        assertThat(token.isExpiredAt(now.plus(Duration.ofMinutes(61)))).isFalse();

        Instant later = now.plus(Duration.ofDays(20));
        PlainToken renewed = PlainToken.generate(token.id());
        token.renew(renewed.secretHash(), later.plus(Duration.ofHours(1)), 60L * 24 * 30, later);
        assertThat(plain.matches(token.secretHash())).isFalse();
        assertThat(renewed.matches(token.secretHash())).isTrue();
        assertThat(renewed.text()).startsWith(plain.text().substring(0, PlainToken.PREFIX_LENGTH + PlainToken.ID_WIDTH));
        assertThat(token.isUsableAt(later.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(token.expiresOn()).contains(later.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void withoutTtlItNeverExpires() {
        UserToken token = token("forever", null, now);
        assertThat(token.expiresOn()).isEmpty();
        assertThat(token.isExpiredAt(now.plus(Duration.ofDays(365 * 100)))).isFalse();
    }

    @Test
    void createdOnKeepsMicrosecondsLikeTheDatabase() {
        assertThat(token("ci", null, now).createdOn()).isEqualTo("2024-01-15T10:30:00.123456Z");
    }

    @Test
    void displayNameIsTrimmedAndBounded() {
        assertThat(token("  Local Development\t", null, now).displayName()).isEqualTo("Local Development");
        assertThat(UserToken.validDisplayName("x".repeat(255))).hasSize(255);
        assertThat(UserToken.validDisplayName("  " + "x".repeat(255) + "  ")).hasSize(255);
        assertInvalid(() -> UserToken.validDisplayName("x".repeat(256)), "displayName", "256");
        assertInvalid(() -> UserToken.validDisplayName("   "), "displayName", "required");
        assertInvalid(() -> UserToken.validDisplayName(null), "displayName", "required");
    }

    @Test
    void ttlIsBetweenOneMinuteAndTenYears() {
        assertThat(UserToken.validTtl(1L)).contains(Duration.ofMinutes(1));
        assertThat(UserToken.validTtl(5_256_000L)).contains(Duration.ofMinutes(5_256_000));
        assertThat(UserToken.validTtl(null)).isEmpty();
        assertInvalid(() -> UserToken.validTtl(0L), "ttlMinutes", "between 1 and 5256000");
        assertInvalid(() -> UserToken.validTtl(-5L), "ttlMinutes", "-5");
        assertInvalid(() -> UserToken.validTtl(5_256_001L), "ttlMinutes", "5256001");
    }

    @Test
    void storesOnlyWhatChecksTheSecretAndNamesTheToken() {
        UserToken token = token("ci", null, now);
        assertThat(plain.matches(token.secretHash())).isTrue();
        assertThat(new PlainToken(plain.id(), new byte[24]).matches(token.secretHash())).isFalse();
        assertThat(PlainToken.generate().matches(token.secretHash())).isFalse();
        assertThat(token.secretHash()).doesNotContain(plain.text().substring(31, 64));
        assertThat(PlainToken.displayId(token.publicId())).isEqualTo(plain.text().substring(0, 19));
    }

    @Test
    void refusesAPublicIdOrHashOfTheWrongLength() {
        assertThatThrownBy(() -> new UserToken(owner, plain.id(), "short", plain.secretHash(), "ci", null, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserToken(owner, plain.id(), PlainToken.publicId(plain.id()), "abc", "ci", null, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UserToken token(String name, Long ttlMinutes, Instant createdAt) {
        return new UserToken(owner, plain.id(), PlainToken.publicId(plain.id()), plain.secretHash(), name, ttlMinutes, createdAt);
    }

    @Test
    void ownerEmailIsStoredLowerCase() {
        assertThat(owner.email()).isEqualTo("alice@acme.example");
        assertThat(owner.domain()).isEqualTo("acme.example");
    }

    private static void assertInvalid(Runnable call, String field, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
