-- The result-category set in use when a reply was signed, kept with the reply: its code is labelled
-- by that set, whatever the set in use later and however close to a switch the signing was (a
-- signing time has whole seconds; a switch within the same second made the set of the time
-- ambiguous). Replies signed before this column existed are labelled by the set in force at their
-- signing time, as before.
ALTER TABLE cf_publication ADD COLUMN category_set VARCHAR(8) NULL;
