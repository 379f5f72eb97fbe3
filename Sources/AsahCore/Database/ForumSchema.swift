import GRDB

/// Feedback forums: categories, threads (discussions and suggestions), posts with their edit
/// history, supports, follows, flags, moderation actions with appeals, status changes, the
/// moderators, course proposals and the full-text index.
///
/// A pseudonymous post has no `author_user_id`; the link to its author lives in
/// `forum_pseudonyms`, sealed with a key kept outside this file (see ``PseudonymVault``).
/// Search: `forum_search` indexes every post (the opening post with its thread's title);
/// `forum_titles` indexes thread titles alone, for the similar-suggestion hints.
/// Counters (`support_count`, `flag_count`) are kept in the same transaction as the rows they
/// count, and the unique keys make a second support or flag by one person impossible.
enum ForumSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE forum_categories (
                id INTEGER PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                posting TEXT NOT NULL DEFAULT 'everyone' CHECK (posting IN ('everyone', 'coordinators')),
                allows_pseudonyms INTEGER NOT NULL DEFAULT 0,
                is_training INTEGER NOT NULL DEFAULT 0,
                agenda_threshold_permille INTEGER CHECK (agenda_threshold_permille BETWEEN 1 AND 1000),
                position INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE forum_threads (
                id INTEGER PRIMARY KEY,
                category_id INTEGER NOT NULL REFERENCES forum_categories(id),
                kind TEXT NOT NULL CHECK (kind IN ('discussion', 'suggestion')),
                title TEXT NOT NULL,
                status TEXT CHECK (status IN ('baru', 'ditinjau', 'diterima', 'ditolak', 'diterapkan', 'duplikat')),
                owner_user_id INTEGER REFERENCES users(id),
                decision_due TEXT,
                merged_into_id INTEGER REFERENCES forum_threads(id),
                support_count INTEGER NOT NULL DEFAULT 0 CHECK (support_count >= 0),
                post_count INTEGER NOT NULL DEFAULT 0,
                agenda_at INTEGER,
                locked INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                last_post_at INTEGER NOT NULL,
                status_changed_at INTEGER,
                CHECK ((kind = 'suggestion') = (status IS NOT NULL)),
                CHECK ((status = 'duplikat') = (merged_into_id IS NOT NULL))
            );
            CREATE INDEX forum_threads_category ON forum_threads(category_id, last_post_at DESC);
            CREATE INDEX forum_threads_latest ON forum_threads(last_post_at DESC);
            CREATE INDEX forum_threads_board ON forum_threads(status, support_count DESC) WHERE kind = 'suggestion';
            CREATE TABLE forum_posts (
                id INTEGER PRIMARY KEY,
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                number INTEGER NOT NULL,
                author_user_id INTEGER REFERENCES users(id),
                pseudonym INTEGER,
                reply_to_id INTEGER REFERENCES forum_posts(id),
                body TEXT NOT NULL,
                official INTEGER NOT NULL DEFAULT 0,
                hidden INTEGER NOT NULL DEFAULT 0,
                hidden_reason TEXT,
                queued_at INTEGER,
                flag_count INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                edited_at INTEGER,
                UNIQUE (thread_id, number),
                CHECK ((author_user_id IS NULL) = (pseudonym IS NOT NULL)),
                CHECK (official = 0 OR pseudonym IS NULL)
            );
            CREATE INDEX forum_posts_author ON forum_posts(author_user_id, created_at);
            CREATE INDEX forum_posts_queue ON forum_posts(queued_at) WHERE queued_at IS NOT NULL;
            CREATE TABLE forum_post_revisions (
                id INTEGER PRIMARY KEY,
                post_id INTEGER NOT NULL REFERENCES forum_posts(id),
                body TEXT NOT NULL,
                replaced_at INTEGER NOT NULL
            );
            CREATE INDEX forum_post_revisions_post ON forum_post_revisions(post_id);
            CREATE TABLE forum_pseudonyms (
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                number INTEGER NOT NULL,
                author_tag BLOB NOT NULL,
                sealed_user BLOB NOT NULL,
                PRIMARY KEY (thread_id, number),
                UNIQUE (thread_id, author_tag)
            ) WITHOUT ROWID;
            CREATE TABLE forum_supports (
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                created_at INTEGER NOT NULL,
                PRIMARY KEY (thread_id, employee_id)
            ) WITHOUT ROWID;
            CREATE TABLE forum_follows (
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                PRIMARY KEY (thread_id, employee_id)
            ) WITHOUT ROWID;
            CREATE INDEX forum_follows_employee ON forum_follows(employee_id);
            CREATE TABLE forum_flags (
                id INTEGER PRIMARY KEY,
                post_id INTEGER NOT NULL REFERENCES forum_posts(id),
                flagger_user_id INTEGER NOT NULL REFERENCES users(id),
                reason TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                resolved_at INTEGER,
                UNIQUE (post_id, flagger_user_id)
            );
            CREATE TABLE forum_moderation (
                id INTEGER PRIMARY KEY,
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                post_id INTEGER REFERENCES forum_posts(id),
                action TEXT NOT NULL CHECK (action IN ('hide', 'restore', 'lock', 'unlock', 'keep')),
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                moderator_user_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                appeal_text TEXT,
                appealed_at INTEGER,
                appeal_outcome TEXT CHECK (appeal_outcome IN ('upheld', 'overturned')),
                appeal_reason TEXT,
                appeal_moderator_user_id INTEGER REFERENCES users(id),
                appeal_decided_at INTEGER,
                CHECK (appeal_moderator_user_id IS NULL OR appeal_moderator_user_id != moderator_user_id)
            );
            CREATE INDEX forum_moderation_post ON forum_moderation(post_id);
            CREATE INDEX forum_moderation_appeals ON forum_moderation(appealed_at) WHERE appealed_at IS NOT NULL AND appeal_outcome IS NULL;
            CREATE TABLE forum_status_changes (
                id INTEGER PRIMARY KEY,
                thread_id INTEGER NOT NULL REFERENCES forum_threads(id),
                from_status TEXT,
                to_status TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                actor_user_id INTEGER REFERENCES users(id),
                created_at INTEGER NOT NULL
            );
            CREATE INDEX forum_status_changes_thread ON forum_status_changes(thread_id);
            CREATE TABLE forum_moderators (
                user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                granted_at INTEGER NOT NULL
            );
            CREATE TABLE forum_post_times (
                actor_tag BLOB NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX forum_post_times_actor ON forum_post_times(actor_tag, at);
            CREATE TABLE forum_course_proposals (
                id INTEGER PRIMARY KEY,
                thread_id INTEGER NOT NULL UNIQUE REFERENCES forum_threads(id),
                code TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                draft TEXT NOT NULL,
                created_by INTEGER REFERENCES users(id),
                created_at INTEGER NOT NULL
            );
            CREATE VIRTUAL TABLE forum_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE TRIGGER forum_search_insert AFTER INSERT ON forum_posts BEGIN
                INSERT INTO forum_search(rowid, title, body) VALUES (new.id,
                    CASE WHEN new.number = 1 THEN (SELECT title FROM forum_threads WHERE id = new.thread_id) ELSE '' END, new.body);
            END;
            CREATE TRIGGER forum_search_update AFTER UPDATE OF body ON forum_posts BEGIN
                UPDATE forum_search SET body = new.body WHERE rowid = new.id;
            END;
            CREATE TRIGGER forum_search_title AFTER UPDATE OF title ON forum_threads BEGIN
                UPDATE forum_search SET title = new.title WHERE rowid = (SELECT id FROM forum_posts WHERE thread_id = new.id AND number = 1);
            END;
            CREATE VIRTUAL TABLE forum_titles USING fts5(title, content = 'forum_threads', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE TRIGGER forum_titles_insert AFTER INSERT ON forum_threads BEGIN
                INSERT INTO forum_titles(rowid, title) VALUES (new.id, new.title);
            END;
            CREATE TRIGGER forum_titles_update AFTER UPDATE OF title ON forum_threads BEGIN
                INSERT INTO forum_titles(forum_titles, rowid, title) VALUES ('delete', old.id, old.title);
                INSERT INTO forum_titles(rowid, title) VALUES (new.id, new.title);
            END;
            """)
    }

    /// The thread page reads a thread's moderation actions on every view.
    static func moderationByThread(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX forum_moderation_thread ON forum_moderation(thread_id)")
    }

    /// Owner records, so a person's own pseudonyms are found by one keyed tag instead of by
    /// opening every seal: per pseudonym the owner's tag and the sealed (thread, number).
    /// They live apart from `forum_pseudonyms` on purpose: a tag beside each pseudonym would
    /// show which pseudonyms in different threads are one person, even without the key.
    /// Existing pseudonyms get theirs from the key file beside the database; without one
    /// (no pseudonym could be opened anyway) there is nothing to fill.
    static func pseudonymOwners(_ db: Database, vault: () throws -> PseudonymVault?) throws {
        try db.execute(sql: """
            CREATE TABLE forum_pseudonym_owners (
                owner_tag BLOB NOT NULL,
                sealed_pseudonym BLOB NOT NULL,
                PRIMARY KEY (owner_tag, sealed_pseudonym)
            ) WITHOUT ROWID;
            """)
        let rows = try Row.fetchAll(db, sql: "SELECT thread_id, number, sealed_user FROM forum_pseudonyms")
        guard !rows.isEmpty, let vault = try vault() else { return }
        // The formats as this step wrote them (a migration never calls the domain's code).
        for row in rows {
            guard let userId = vault.open(text: row["sealed_user"]).flatMap({ Int64($0) }) else { continue }
            let (threadId, number): (Int64, Int) = (row["thread_id"], row["number"])
            try db.execute(sql: "INSERT INTO forum_pseudonym_owners (owner_tag, sealed_pseudonym) VALUES (?, ?)",
                           arguments: [vault.mac("user:\(userId)"), vault.seal("\(threadId):\(number)")])
        }
    }

    /// The suggestion board read in its orders from an index (most supported, newest, oldest,
    /// and most supported within a status) instead of sorting every suggestion on each view:
    /// a province's 30,000 suggestions made the board 40 views a second.
    static func boardOrders(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX forum_threads_board;
            CREATE INDEX forum_threads_board ON forum_threads(status, support_count DESC, id DESC) WHERE kind = 'suggestion';
            CREATE INDEX forum_threads_board_support ON forum_threads(support_count DESC, id DESC) WHERE kind = 'suggestion';
            CREATE INDEX forum_threads_board_newest ON forum_threads(created_at DESC, id DESC) WHERE kind = 'suggestion';
            """)
    }

    /// The suggestions past their decision date and still undecided, counted on every
    /// coordinator's home: read from their own index instead of every undecided suggestion.
    static func overdueSuggestions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX forum_threads_overdue ON forum_threads(decision_due) WHERE kind = 'suggestion' AND status IN ('baru', 'ditinjau')
            """)
    }

    /// Each category's number of threads, kept by triggers as threads are opened, moved to
    /// another category and deleted.
    static func categoryThreadCounts(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE forum_categories ADD COLUMN thread_count INTEGER NOT NULL DEFAULT 0;
            UPDATE forum_categories SET thread_count = (SELECT COUNT(*) FROM forum_threads t WHERE t.category_id = forum_categories.id);
            CREATE TRIGGER forum_category_thread_opened AFTER INSERT ON forum_threads BEGIN
                UPDATE forum_categories SET thread_count = thread_count + 1 WHERE id = new.category_id;
            END;
            CREATE TRIGGER forum_category_thread_deleted AFTER DELETE ON forum_threads BEGIN
                UPDATE forum_categories SET thread_count = thread_count - 1 WHERE id = old.category_id;
            END;
            CREATE TRIGGER forum_category_thread_moved AFTER UPDATE OF category_id ON forum_threads
                WHEN old.category_id IS NOT new.category_id BEGIN
                UPDATE forum_categories SET thread_count = thread_count - 1 WHERE id = old.category_id;
                UPDATE forum_categories SET thread_count = thread_count + 1 WHERE id = new.category_id;
            END;
            """)
    }
}
