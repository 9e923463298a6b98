package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyReadersTest {

    @Test
    void oneAddressGetsItsShareAndTheServerKeepsTheRest() {
        BodyReaders readers = new BodyReaders(5, 2);
        assertThat(readers.enter("10.0.0.1")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.enter("10.0.0.1")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.enter("10.0.0.1")).isEqualTo(BodyReaders.Admission.ADDRESS_BUSY);
        assertThat(readers.enter("10.0.0.2")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.enter("10.0.0.3")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.enter("10.0.0.3")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.enter("10.0.0.4")).isEqualTo(BodyReaders.Admission.SERVER_BUSY);
        assertThat(readers.inProgress()).isEqualTo(5);

        readers.leave("10.0.0.1");
        assertThat(readers.enter("10.0.0.4")).isEqualTo(BodyReaders.Admission.ADMITTED);
        readers.leave("10.0.0.1");
        readers.leave("10.0.0.2");
        assertThat(readers.enter("10.0.0.1")).isEqualTo(BodyReaders.Admission.ADMITTED);
        assertThat(readers.inProgress()).isEqualTo(4);
    }
}
