-- Where things are. Postcode districts (outward codes) carry a centroid used to place a
-- service on a map and to measure distances; localities are the council's own areas
-- (in Cornwall, its community network areas), each covering some postcode districts.
create table locality (
    id   uuid primary key,
    code varchar(40)  not null unique,
    name varchar(120) not null unique,
    kind varchar(30)  not null check (kind in ('COMMUNITY_AREA', 'LOCAL_AUTHORITY'))
);

create table postcode_district (
    outcode     varchar(4)    primary key,
    latitude    numeric(9, 6) not null,
    longitude   numeric(9, 6) not null,
    locality_id uuid references locality (id)
);

create index postcode_district_locality_idx on postcode_district (locality_id);
