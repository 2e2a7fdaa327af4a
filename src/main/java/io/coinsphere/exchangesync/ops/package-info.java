/**
 * Cross-cutting operations: request correlation ids, the health alias, the start-up gate, the late-write guard and
 * Jolokia's access policy (what Hawtio may read).
 */
package io.coinsphere.exchangesync.ops;
