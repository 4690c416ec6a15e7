-- The triggers' delete from digest_queue (V20, V24) kept the plan its connection first made, and a connection whose
-- first update or delete of digest came while the queue was small (a run's first claims; a queue vacuumed empty
-- between runs, whose statistics then say no rows) planned a scan of the whole queue, kept for good: in a warm 20,000
-- run 447 of 2,094 outcome groups read the 20,000-row queue (11,000 rows a scan), 585 ms of the triggers' time against
-- 57 ms the day before. Planned with the queue's scan off, each delete probes the queue's key for each digest, at any
-- size; the index scans are on whatever the session says, so that a session's own settings cannot bring the scan back.
-- The statements and what they write are unchanged.
alter function digest_updated() set enable_seqscan = off;
alter function digest_updated() set enable_indexscan = on;
alter function digest_updated() set enable_bitmapscan = on;
alter function digest_queue_deleted() set enable_seqscan = off;
alter function digest_queue_deleted() set enable_indexscan = on;
alter function digest_queue_deleted() set enable_bitmapscan = on;
