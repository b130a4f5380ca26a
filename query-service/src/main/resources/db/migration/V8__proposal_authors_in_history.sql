-- History tells an approval with its proposal's author. It kept reading the proposals read model
-- for that; now it records the author itself when the proposal is submitted.
CREATE TABLE proposal_author (
    list_id  VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    proposal VARCHAR(64)  NOT NULL,
    author   VARCHAR(100),
    PRIMARY KEY (list_id, proposal)
);

INSERT INTO proposal_author (list_id, proposal, author)
SELECT list_id, convert_from(payload, 'UTF8')::jsonb ->> 'proposal', convert_from(payload, 'UTF8')::jsonb ->> 'author'
FROM list_event
WHERE type = 'ProposalSubmitted'
ON CONFLICT DO NOTHING;
