package io.coinsphere.exchangesync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.exchange.CredentialsRejected.Reason;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The shape every exchange's error table is checked in: each code its reason, and each its own message. */
public final class ErrorCodeCases {

    private ErrorCodeCases() {
    }

    /** {@code answer} turns an exchange's error code into the failure its {@code *Errors} class makes of it. */
    public static void eachCodeHasItsReasonAndItsOwnMessage(Map<String, Reason> expected, Function<String, ExchangeFailure> answer) {
        Set<String> messages = new HashSet<>();
        expected.forEach((code, reason) -> {
            ExchangeFailure failure = answer.apply(code);
            assertThat(failure).as(code).isInstanceOfSatisfying(CredentialsRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
            assertThat(messages.add(failure.getMessage())).as("one message per code: " + code).isTrue();
        });
    }
}
