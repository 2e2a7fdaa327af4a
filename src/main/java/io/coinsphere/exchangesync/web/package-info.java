/**
 * What every REST flow shares: the error body and its translation. The REST configuration and the error policy's
 * wiring are routes/rest-api.camel.yaml and routes/rest-errors.camel.yaml.
 */
package io.coinsphere.exchangesync.web;
