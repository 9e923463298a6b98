package org.rilltokens.devices.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rilltokens.devices.control.UserCode;
import org.rilltokens.devices.entity.DeviceAuthorization.Poll;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

class DeviceAuthorizationTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private final User alice = new User("alice@acme.example", "Alice", T0);

    private static DeviceAuthorization login(String deviceName) {
        return new DeviceAuthorization("a".repeat(64), new UserCode("WDJBMJHT"), DeviceClient.RILL_CLI, deviceName,
                "10.0.0.7", Duration.ofSeconds(5), T0);
    }

    @Test
    void aDeviceThatPollsAtTheIntervalWaitsUntilSomeoneDecides() {
        DeviceAuthorization login = login("laptop");

        assertThat(login.poll(T0.plusSeconds(5))).isEqualTo(Poll.PENDING);
        assertThat(login.poll(T0.plusSeconds(10))).isEqualTo(Poll.PENDING);
        login.approve(alice, T0.plusSeconds(12));
        assertThat(login.poll(T0.plusSeconds(15))).isEqualTo(Poll.APPROVED);
        assertThat(login.decidedBy()).contains(alice);
    }

    @Test
    void pollingFasterThanTheIntervalSlowsTheDeviceDownForGood() {
        DeviceAuthorization login = login("laptop");
        assertThat(login.poll(T0.plusSeconds(5))).isEqualTo(Poll.PENDING);

        assertThat(login.poll(T0.plusSeconds(7))).isEqualTo(Poll.SLOW_DOWN);
        assertThat(login.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(login.poll(T0.plusSeconds(12))).isEqualTo(Poll.SLOW_DOWN);
        assertThat(login.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(login.poll(T0.plusSeconds(27))).isEqualTo(Poll.PENDING);
    }

    @Test
    void aPollALittleEarlyFromNetworkDelayStillCountsAsOnTime() {
        DeviceAuthorization login = login("laptop");
        login.poll(T0.plusSeconds(5));

        assertThat(login.poll(T0.plusSeconds(10).minusMillis(400))).isEqualTo(Poll.PENDING);
        assertThat(login.interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aDecidedLoginIsAnsweredAtOnceEvenWhenPolledEarly() {
        DeviceAuthorization login = login("laptop");
        login.poll(T0.plusSeconds(5));
        login.deny(alice, T0.plusSeconds(6));

        assertThat(login.poll(T0.plusSeconds(6))).isEqualTo(Poll.DENIED);
    }

    @Test
    void afterTenMinutesTheCodeIsExpiredWhateverWasDecided() {
        DeviceAuthorization pending = login("laptop");
        DeviceAuthorization approved = login("laptop");
        approved.approve(alice, T0.plusSeconds(60));
        Instant tenMinutesLater = T0.plus(DeviceAuthorization.LIFETIME);

        assertThat(pending.isPendingAt(tenMinutesLater.minusSeconds(1))).isTrue();
        assertThat(pending.isPendingAt(tenMinutesLater)).isFalse();
        assertThat(pending.poll(tenMinutesLater)).isEqualTo(Poll.EXPIRED);
        assertThat(approved.poll(tenMinutesLater)).isEqualTo(Poll.EXPIRED);
    }

    @Test
    void aLoginIsDecidedOnceAndNotAfterItExpired() {
        DeviceAuthorization decided = login("laptop");
        decided.approve(alice, T0.plusSeconds(1));
        DeviceAuthorization expired = login("laptop");

        assertThatThrownBy(() -> decided.deny(alice, T0.plusSeconds(2))).isInstanceOf(DomainException.class)
                .hasMessageContaining("no longer waiting");
        assertThatThrownBy(() -> expired.approve(alice, T0.plus(DeviceAuthorization.LIFETIME)))
                .isInstanceOf(DomainException.class);
        assertThat(decided.status()).isEqualTo(DeviceAuthorization.Status.APPROVED);
    }

    @Test
    void theTokenIsNamedAfterTheClientAndTheDevice() {
        assertThat(login("laptop-42").tokenName()).isEqualTo("CLI login (laptop-42)");
        assertThat(login(null).tokenName()).isEqualTo("CLI login");
        assertThat(login("  ").tokenName()).isEqualTo("CLI login");
    }

    @Test
    void aDeviceCannotDisguiseItsNameWithControlOrDirectionCharacters() {
        assertThat(DeviceAuthorization.cleanDeviceName("evil\u202Etxt.exe")).isEqualTo("eviltxt.exe");
        assertThat(DeviceAuthorization.cleanDeviceName("host\n\tname\u001B[31m")).isEqualTo("hostname31m");
        assertThat(DeviceAuthorization.cleanDeviceName("büro-pc.local")).isEqualTo("büro-pc.local");
        assertThat(DeviceAuthorization.cleanDeviceName("x".repeat(100))).hasSize(DeviceAuthorization.DEVICE_NAME_MAX);
        assertThat(DeviceAuthorization.cleanDeviceName("\u0000\u0007")).isNull();
    }
}
