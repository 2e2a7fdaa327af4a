/**
 * Operations: sync metrics and the finished-sync log line, queue stats, request correlation ids, health alias,
 * and Jolokia's access policy (what Hawtio may read).
 */
package io.coinsphere.exchangesync.ops;
