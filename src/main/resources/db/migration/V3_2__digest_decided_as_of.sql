-- One digest per local day (or week), whatever the person changes:
-- decided_as_of is the moment the deciding run served (its run_at); a period is due only when the last decision
-- came before the period began in the subscriber's zone of now, so a new zone or cadence never brings a second
-- digest for a day or week already served;
-- zone is the subscriber's zone when the period was named: "2026-11-30" in Tokyo and in New York are two
-- different days, so moving west does not find tomorrow already taken by today's Tokyo digest.
alter table digest add column decided_as_of timestamptz, add column zone varchar(64);
update digest d set decided_as_of = coalesce((select r.run_at from digest_run r where r.id = d.run_id), d.created_at),
                    zone = (select s.timezone from subscriber s where s.id = d.subscriber_id);
alter table digest alter column decided_as_of set not null, alter column zone set not null;
alter table digest drop constraint digest_subscriber_id_period_key, add unique (subscriber_id, period, zone);
