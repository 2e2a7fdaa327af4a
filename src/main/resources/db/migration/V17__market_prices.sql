-- The latest price of every market pair the exchanges publish, one row per pair and source exchange
-- (refreshed by the prices route), and the quote currency each user values the portfolio in.
CREATE TABLE market_prices (
    base      VARCHAR(32)     NOT NULL,
    quote     VARCHAR(32)     NOT NULL,
    source    VARCHAR(32)     NOT NULL,
    price     NUMERIC(38, 18) NOT NULL CHECK (price > 0),
    price_at  TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (base, quote, source)
);

ALTER TABLE users ADD COLUMN quote_currency VARCHAR(8) NOT NULL DEFAULT 'USD';
