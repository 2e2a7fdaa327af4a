package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void listedEmailsAreNormalizedWhateverTheirCaseOrSpacing() {
        assertThat(new Roles(List.of(" Ops@Example.com ", "")).adminEmailSet()).containsExactly("ops@example.com");
    }

    @Test
    void nobodyIsAnAdministratorByDefault() {
        assertThat(new Roles(List.of()).adminEmailSet()).isEmpty();
        assertThat(Roles.of(false)).containsExactly(Roles.USER);
        assertThat(Roles.of(true)).containsExactly(Roles.USER, Roles.ADMIN);
    }
}
