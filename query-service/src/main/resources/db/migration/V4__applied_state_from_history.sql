-- The applied document of a list is no longer rewritten per batch: the projection keeps lists in
-- memory and rebuilds one after a restart from list_snapshot plus the list_event rows after it.
ALTER TABLE list_document DROP COLUMN nodes;
