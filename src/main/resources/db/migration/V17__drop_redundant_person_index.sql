-- Issue 12: people are found by exchange and side through the unique index (exchange_id, side, external_ref),
-- which begins with those two columns; the index on (exchange_id, side) alone only cost every new person one
-- more index to write (cross-referencing founds 40,000 people of 100,000 records at once).
drop index ix_person_exchange;
