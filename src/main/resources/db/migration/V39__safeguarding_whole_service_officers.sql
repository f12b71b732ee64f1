-- Whole-service (organisational) safeguarding enquiries (issue 15): the council staff named on one,
-- who may read it besides safeguarding leads, and the numbers of their references.
create table safeguarding_wse_officer (
    whole_service_enquiry_id uuid         not null references safeguarding_whole_service_enquiry (id),
    user_id                  uuid         not null,
    user_name                varchar(200) not null,
    named_at                 timestamptz  not null,
    primary key (whole_service_enquiry_id, user_id)
);
create index safeguarding_wse_officer_user_idx on safeguarding_wse_officer (user_id);
comment on table safeguarding_wse_officer is '[safeguarding] Council staff named on a whole-service safeguarding enquiry.';

create sequence safeguarding_wse_number;
