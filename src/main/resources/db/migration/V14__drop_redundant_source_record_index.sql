-- No query reads source records by side; queries by exchange use the unique index (exchange_id, source,
-- source_ref) on PostgreSQL, and H2 keeps its own index on exchange_id for the foreign key. One index less
-- to maintain for each of the 100,000 rows a large import writes.
drop index ix_source_record_exchange;
