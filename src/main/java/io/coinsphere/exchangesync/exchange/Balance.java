package io.coinsphere.exchangesync.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/** One asset held on an exchange account, normalised: our symbol, and exact decimal amounts. */
public record Balance(String asset, BigDecimal total, BigDecimal available, BigDecimal locked) {

    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(locked, "locked");
    }

    public boolean isZero() {
        return total.signum() == 0 && available.signum() == 0 && locked.signum() == 0;
    }
}
