/** Operations: sync metrics and the finished-sync log line, queue stats, request correlation ids, health alias. */
package io.coinsphere.exchangesync.ops;
