-- Token buckets of the API rate limits when coinsphere.rate-limit.store=postgres, shared by every instance.
-- Layout required by Bucket4j's PostgreSQL proxy manager: state is Bucket4j's serialised bucket, expires_at the
-- epoch milliseconds at which the bucket has refilled completely (then the row is deleted as if never used).
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
