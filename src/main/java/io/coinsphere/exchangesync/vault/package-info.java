/** Credential vault: AES-256-GCM encryption of exchange API credentials at rest, and the master key it uses. */
package io.coinsphere.exchangesync.vault;
