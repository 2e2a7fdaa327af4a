/** Shared configuration: data directory, embedded defaults. */
package io.coinsphere.exchangesync.config;
