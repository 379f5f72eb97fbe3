import GRDB

/// L1 answers counted per run, item and score as they arrive, so the impact report reads a
/// few rows per run instead of every answer of the province (450,000 and more). Responses
/// and answers are anonymous records that are never changed or removed; triggers keep it
/// that way, and keep the counts. The few responses with a comment are indexed by run.
enum SurveyTallies {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE survey_tallies (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                item TEXT NOT NULL,
                score INTEGER NOT NULL,
                answers INTEGER NOT NULL,
                PRIMARY KEY (run_id, item, score)
            ) WITHOUT ROWID;
            INSERT INTO survey_tallies (run_id, item, score, answers)
                SELECT r.run_id, a.item, a.score, COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                GROUP BY r.run_id, a.item, a.score;
            CREATE INDEX survey_responses_commented ON survey_responses(run_id) WHERE comment IS NOT NULL;
            CREATE TRIGGER survey_answers_tally AFTER INSERT ON survey_answers BEGIN
                INSERT INTO survey_tallies (run_id, item, score, answers)
                    SELECT run_id, NEW.item, NEW.score, 1 FROM survey_responses WHERE id = NEW.response_id
                    ON CONFLICT (run_id, item, score) DO UPDATE SET answers = answers + 1;
            END;
            CREATE TRIGGER survey_answers_kept_on_update BEFORE UPDATE ON survey_answers
                BEGIN SELECT RAISE(ABORT, 'survey answers are never changed'); END;
            CREATE TRIGGER survey_answers_kept_on_delete BEFORE DELETE ON survey_answers
                BEGIN SELECT RAISE(ABORT, 'survey answers are never removed'); END;
            CREATE TRIGGER survey_responses_kept_on_update BEFORE UPDATE ON survey_responses
                BEGIN SELECT RAISE(ABORT, 'survey responses are never changed'); END;
            CREATE TRIGGER survey_responses_kept_on_delete BEFORE DELETE ON survey_responses
                BEGIN SELECT RAISE(ABORT, 'survey responses are never removed'); END;
            """)
    }
}
