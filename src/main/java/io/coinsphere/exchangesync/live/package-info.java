/**
 * Live updates for the web page: a Server-Sent Events stream of the signed-in user's finished syncs,
 * and the page's own routes ({@code /exchanges}).
 */
package io.coinsphere.exchangesync.live;
