/** Holdings: the transactional upsert of fetched balances and the read side for the API. */
package io.coinsphere.exchangesync.holdings;
