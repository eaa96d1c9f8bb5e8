-- mallpay migration 033: the pictures reviewers see instead of the uploads.
--
-- Every upload is drawn at upload time (service/docrender.c: images decoded
-- and encoded again, PDF pages rendered) and each picture is stored like any
-- upload, encrypted, as a files row of its own. file_renders names them:
-- page 0 is the thumbnail of the first page, pages 1..10 the review images.
-- The original upload (file_id) is served only as a download. Uploads made
-- before this migration have no pictures: their review pages offer the
-- download only.

CREATE TABLE file_renders (
	file_id		BIGINT NOT NULL,
	page		SMALLINT NOT NULL,
	render_file_id	BIGINT NOT NULL,
	width		INT NOT NULL,
	height		INT NOT NULL,
	PRIMARY KEY (file_id, page),
	UNIQUE KEY file_renders_render (render_file_id),
	CONSTRAINT file_renders_file_fk FOREIGN KEY (file_id) REFERENCES files (id),
	CONSTRAINT file_renders_render_fk FOREIGN KEY (render_file_id) REFERENCES files (id),
	CONSTRAINT file_renders_page_ck CHECK (page BETWEEN 0 AND 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
