-- Safeguarding enquiries (issue 15): who took part in the planning discussion, and who in the
-- provider's organisation sent its findings to an enquiry caused to it. The rest of the enquiry
-- is in V36's safeguarding_enquiry.
alter table safeguarding_enquiry
    add column planning_participants text,
    add column caused_response_by    varchar(200);
