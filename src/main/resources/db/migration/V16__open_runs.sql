-- Every node looks every few seconds whether a run of the cluster is open (digest/DeliveryWake), and each pass closes
-- the runs that settled: both read only the few open runs, one step down this index however many runs have finished.
create index digest_run_open on digest_run (id) where state in ('queued', 'running');
