-- Early warnings learn a third kind: KPI figures drifting out of tolerance against the
-- service's own history.
alter table early_warning drop constraint early_warning_kind_check;
alter table early_warning add constraint early_warning_kind_check
    check (kind in ('CONCERN_RATE', 'RISK_RISING', 'KPI_DRIFT'));
