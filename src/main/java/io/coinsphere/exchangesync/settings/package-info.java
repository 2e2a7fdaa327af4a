/** Settings: the signed-in user's own record and preferences ({@code GET/PATCH /api/v1/me}). */
package io.coinsphere.exchangesync.settings;
