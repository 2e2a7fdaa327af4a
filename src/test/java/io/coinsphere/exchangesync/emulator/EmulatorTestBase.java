package io.coinsphere.exchangesync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One exchange emulator per test class, started before its tests and closed after them. */
abstract class EmulatorTestBase {

    static ExchangeEmulator emu;

    @BeforeAll
    static void startEmulator() {
        emu = ExchangeEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emu.close();
    }
}
