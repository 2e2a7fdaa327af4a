/** Valuation: what holdings are worth in a quote currency, from market prices; plain logic without Spring or SQL. */
package io.coinsphere.exchangesync.valuation;
