package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void listedEmailsAreAdministratorsWhateverTheirCaseOrSpacing() {
        Roles roles = new Roles(List.of(" Ops@Example.com ", ""));
        assertThat(roles.of("ops@example.com")).containsExactly(Roles.USER, Roles.ADMIN);
        assertThat(roles.of("someone@example.com")).containsExactly(Roles.USER);
        assertThat(roles.of(null)).containsExactly(Roles.USER);
    }

    @Test
    void nobodyIsAnAdministratorByDefault() {
        assertThat(new Roles(List.of()).of("admin@example.com")).containsExactly(Roles.USER);
    }
}
