/**
 * History: the portfolio's value over time, from holdings snapshots (taken by the sync's upsert) and the recorded
 * prices; its REST and CSV answers, and the compaction that keeps its storage bounded.
 */
package io.coinsphere.exchangesync.history;
