package io.coinsphere.exchangesync.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * The per-account limit on password checks, for the API login and HTTP Basic alike. SECURITY: an attempt is
 * charged before its password is checked and refunded when the password was right, so concurrent guesses can
 * never check more passwords than the limit allows (a bucket peeked before and charged after would let every
 * request in flight pass). Accounts that do not exist have buckets too, so the answer reveals nothing.
 * Implemented over the rate-limit buckets (ratelimit package); without rate limits nothing is charged.
 */
public interface LoginThrottle {

    /** Takes one attempt from the account's bucket: empty when the password may be checked, else the wait. */
    Optional<Duration> charge(String email);

    /** Gives the attempt back after a right password: only failed logins count. */
    void refund(String email);

    /** No limit (rate limits switched off). */
    static LoginThrottle none() {
        return new LoginThrottle() {
            @Override
            public Optional<Duration> charge(String email) {
                return Optional.empty();
            }

            @Override
            public void refund(String email) {
            }
        };
    }
}
