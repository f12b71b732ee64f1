-- Word forms the first rule set missed: "hits" (only "hit" and "hitting" were rules) and
-- "bullied" ("bully*" does not match it). Found by measuring the rules against labelled concerns.
insert into safeguarding_rule (id, rule_kind, phrase, abuse_type, enabled, created_at)
values (gen_random_uuid(), 'PHRASE', 'hits', 'PHYSICAL', true, now()),
       (gen_random_uuid(), 'PHRASE', 'bullied', 'PSYCHOLOGICAL', true, now())
on conflict (rule_kind, phrase) do nothing;
