-- V19's triggers take a digest out of the queue by probing its key for each row the statement changed, rather than
-- by a join. A PL/pgSQL statement without parameters keeps the plan it was first given on a connection, sized for the
-- first transition table it saw: after a big first update (or with no statistics on the queue yet) that was a hash
-- of the whole queue, read again for every outcome group of a few digests (0.4 ms each, 2,300-2,700 times at 20,000).
-- Probing the key costs the same for a few digests or many. What the triggers do is unchanged; no row moves.
create or replace function digest_queue_updated() returns trigger language plpgsql as $$
begin
    delete from digest_queue q
    where q.digest_id = any (array(select n.id from updated n where n.state not in ('queued', 'retrying', 'sending')));
    insert into digest_queue (digest_id, subscriber_id)
    select n.id, n.subscriber_id from updated n join before_update o on o.id = n.id
    where n.state in ('queued', 'retrying', 'sending') and o.state not in ('queued', 'retrying', 'sending')
    on conflict (digest_id) do nothing;
    return null;
end $$;

create or replace function digest_queue_deleted() returns trigger language plpgsql as $$
begin
    delete from digest_queue q where q.digest_id = any (array(select o.id from deleted o));
    return null;
end $$;
