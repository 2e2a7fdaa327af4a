-- Queue statistics count the last hour's runs by finished_at; without an index that is a scan of the
-- whole run history, which grows by one row per sync. (Only the last hour is ever read this way.)
CREATE INDEX idx_sync_runs_finished_at ON sync_runs (finished_at);
