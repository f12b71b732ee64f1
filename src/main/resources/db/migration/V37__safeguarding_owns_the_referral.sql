-- The safeguarding module takes the referral over from concerns (issue 15). A flagged concern
-- used to write a safeguarding_referral row inside concerns; now concerns only says that a concern
-- was referred, and safeguarding opens a safeguarding_concern for it. The referrals made so far
-- become safeguarding concerns awaiting a decision (or closed, when the referral was closed), and
-- concerns' table and its published view go.

-- Numbers for safeguarding concerns' references (SG-2026-00042); a year's numbers are not reset.
create sequence safeguarding_concern_number;
comment on sequence safeguarding_concern_number is '[safeguarding] Numbers of safeguarding concerns'' references.';

insert into safeguarding_concern (id, reference, source, ppmf_concern_id, ppmf_reference, received_at, summary,
                                  screen_reasons, care_service_id, provider_id, service_name, provider_name, status,
                                  decision_due_at, closed_at)
select r.id,
       'SG-' || to_char(c.received_at at time zone 'Europe/London', 'YYYY') || '-'
           || lpad(nextval('safeguarding_concern_number')::text, 5, '0'),
       'PPMF', c.id, c.reference, c.received_at, r.reasons, r.reasons, c.care_service_id, c.provider_id,
       left(coalesce(s.name, c.service_description), 300), p.name,
       case when r.status = 'CLOSED' then 'CLOSED' else 'AWAITING_DECISION' end,
       -- 5pm on the next weekday after the referral (bank holidays are not known to SQL here)
       ((r.created_at at time zone 'Europe/London')::date
           + case extract(isodow from (r.created_at at time zone 'Europe/London')::date)
                 when 5 then 3 when 6 then 2 else 1 end
           + time '17:00') at time zone 'Europe/London',
       case when r.status = 'CLOSED' then coalesce(c.closed_at, r.created_at) end
from safeguarding_referral r
join concern c on c.id = r.concern_id
left join care_service s on s.id = c.care_service_id
left join provider p on p.id = c.provider_id
order by r.created_at;

insert into safeguarding_step (concern_id, happened_at, actor_name, kind, detail)
select c.id, c.received_at, 'CareCycle', 'FROM_PPMF', c.ppmf_reference
from safeguarding_concern c where c.source = 'PPMF';

drop view concerns_safeguarding_referral;
drop table safeguarding_referral;
