/** What every REST flow shares: the REST configuration, the error body and its translation. */
package io.coinsphere.exchangesync.web;
