/** Authentication: registration and login over REST, RS256 JWT issuing and checking, the security filter chain. */
package io.coinsphere.exchangesync.auth;
