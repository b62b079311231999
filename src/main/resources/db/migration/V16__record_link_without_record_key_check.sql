-- Issue 12: record_link keeps its primary key (a record is linked once) and its reference to person, but no
-- longer checks record_id against source_record. On H2 that check reads and decodes the whole 30-column
-- source record for every link written: half of linking 100,000 records. Links are written only by
-- cross-referencing, from the ids it has just read in the same transaction, and source records are never
-- deleted. The table is made again (the check has no portable name to drop it by); its rows are kept.
-- The index on person_id comes before the reference to person: H2 then checks the reference with that index
-- instead of making a second one on the same column (every link would be written into three indexes, not two).
create table record_link_v16 (
    record_id        bigint        primary key,
    person_id        bigint        not null,
    match_confidence numeric(5, 3) not null,
    match_basis      varchar(40)   not null
);
insert into record_link_v16 (record_id, person_id, match_confidence, match_basis)
    select record_id, person_id, match_confidence, match_basis from record_link;
drop table record_link;
alter table record_link_v16 rename to record_link;
create index ix_record_link_person on record_link (person_id);
alter table record_link add constraint fk_record_link_person foreign key (person_id) references person (id);
