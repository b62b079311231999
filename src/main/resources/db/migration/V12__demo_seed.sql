-- The exchanges the demo seed created (demo profile only): the seed runs once and advances only these.
create table demo_seed (
    agreement_ref    varchar(100) primary key,
    exchange_id      uuid         references exchange (id),
    target           varchar(40)  not null,
    seeded_at        timestamp with time zone not null,
    reached_at       timestamp with time zone
);
