/** Demo mode: the exchange emulator inside the service, with published demo accounts. */
package io.coinsphere.exchangesync.demo;
