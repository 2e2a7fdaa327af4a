/** Administrator commands over REST (role ADMIN): credential-vault key usage and re-encryption after a key rotation. */
package io.coinsphere.exchangesync.admin;
