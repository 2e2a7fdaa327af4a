package io.coinsphere.exchangesync.sync;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sync flow's shared parts that are not components of their own: the throttle and the queue it guards. */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    /** How many syncs run at once, steered by the CPU load (see {@link ThrottleRule}). */
    @Bean
    SyncThrottle syncThrottle(SyncProperties properties) {
        SyncProperties.Throttle throttle = properties.throttle();
        int min = Math.min(throttle.minWorkers(), properties.workers());
        return new SyncThrottle(new ThrottleRule(min, properties.workers(), throttle.cpuTarget()));
    }

    /** The one queue every trigger feeds; see {@link SyncQueue} for the ordering. */
    @Bean
    SyncQueue syncQueue(SyncThrottle syncThrottle) {
        return new SyncQueue(syncThrottle);
    }

    /** What the error policy and the worker call when an attempt ends: its concurrency permit goes back. */
    @Bean
    PermitRelease permitRelease(SyncThrottle syncThrottle) {
        return new PermitRelease(syncThrottle);
    }

    /** Transient failures of a sync attempt (sync-errors.camel.yaml). */
    @Bean
    ExchangeRetryPolicy syncExchangeRetries(SyncProperties properties) {
        return new ExchangeRetryPolicy(properties.retry());
    }

    /** The CPU probe of the throttle's timer. */
    @Bean
    ThrottleControl throttleControl(SyncThrottle syncThrottle, SyncQueue syncQueue) {
        return new ThrottleControl(syncThrottle, syncQueue, new MachineCpu());
    }
}
