/** How the service behaves when PostgreSQL is slow or gone: bounded waits, one answer (503), a bounded readiness probe. */
package io.coinsphere.exchangesync.database;
