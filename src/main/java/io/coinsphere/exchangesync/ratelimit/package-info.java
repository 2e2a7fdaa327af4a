/** API rate limits: Bucket4j token buckets per client address and per user, in memory or shared in PostgreSQL. */
package io.coinsphere.exchangesync.ratelimit;
