-- The sign-in throttle reserves an attempt before the password is checked, with one row per
-- email address and per client address, so that concurrent attempts cannot all read a count
-- under the limit before any of them writes (issue #20). It replaces the failure log.
create table sign_in_attempts (
    subject           varchar(300) primary key,
    attempts          integer      not null,
    window_started_at timestamptz  not null
);

comment on table sign_in_attempts is '[identity] Sign-in attempts in the current window, per email address and per client address, for the throttle.';

drop table sign_in_failure;
