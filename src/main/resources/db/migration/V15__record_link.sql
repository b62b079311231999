-- Issue 12: which person each source record belongs to, in a narrow table of its own. Cross-referencing
-- links every record of an import at once (100,000 at a time); an update rewrote each wide source record
-- and its indexes, an insert here writes four columns. The record's content stays as imported.
create table record_link (
    record_id        bigint        primary key references source_record (id),
    person_id        bigint        not null references person (id),
    match_confidence numeric(5, 3) not null,
    match_basis      varchar(40)   not null
);
create index ix_record_link_person on record_link (person_id);

insert into record_link (record_id, person_id, match_confidence, match_basis)
    select id, person_id, coalesce(match_confidence, 1), coalesce(match_basis, 'given')
    from source_record where person_id is not null;

-- the column's index and foreign key go with it (PostgreSQL and H2 drop single-column ones)
alter table source_record drop column match_basis;
alter table source_record drop column match_confidence;
alter table source_record drop column person_id;
drop index if exists ix_source_record_person;
