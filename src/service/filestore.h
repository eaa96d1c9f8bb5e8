#ifndef MALLPAY_SERVICE_FILESTORE_H
#define MALLPAY_SERVICE_FILESTORE_H

/*
 * The encrypted file store for uploads: remittance vouchers (REM-P3,
 * REM-P9), corporate documents (INST-CORP, INST-S1).
 *
 * - Type from content, never the name: the first bytes must be the magic of
 *   an allowed type (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, PDF
 *   "%PDF-") AND libmagic must name that same MIME type; anything else
 *   (an .exe renamed .jpg, a polyglot libmagic reads as something else) is
 *   refused with a message for the user.
 * - Then drawn (service/docrender.h): an image decoded and encoded again,
 *   a PDF's pages rendered, plus a thumbnail; a file that cannot be drawn
 *   is refused with a message. The pictures are stored like the upload
 *   (files rows of their own, named by file_renders) and are all a page
 *   ever shows; the original is served only as a download.
 * - At most FILESTORE_MAX bytes (10 MB), at least 1.
 * - Stored under cfg->upload_dir (outside the web root) with a random name
 *   (40 hex chars), written to "<name>.tmp" then fsync'ed and renamed:
 *   nothing half-written is ever under a real name.
 * - Encrypted with libsodium secretstream (XChaCha20-Poly1305), a key
 *   derived from cfg->secret_key with crypto_kdf (context "mpfiles_",
 *   subkey 1), a random header per file, 64 KiB chunks, the stored name as
 *   additional data (a file moved under another row's name fails), the last
 *   chunk tagged FINAL (a truncated file fails).
 * - sha256 of the plaintext in the row: the same file uploaded twice is
 *   reported (out->dup_of) for the reviewer.
 *
 * Transactions: filestore_put inserts the files row in the CALLER's open
 * transaction, so the voucher/document row and the state change commit
 * with it:
 *	db_begin(db);
 *	if (filestore_put(db, cfg, &owner, data, len, FS_VOUCHER, now, &f,
 *	    err, sizeof(err)) != 0) { db_rollback(db); show err; }
 *	... insert the voucher row with f.id, change the order ...
 *	if (that failed || db_commit(db) == -1) {
 *		db_rollback(db); filestore_discard(cfg, &f); }
 * A crash between the rename and the commit leaves a file without a row
 * (never a row without a file): `mallpayctl check` can list them.
 *
 * libmagic's magic_t is not thread-safe: one is shared behind a mutex.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct config;
struct db;

#define FILESTORE_MAX	(10 * 1024 * 1024)
#define FILESTORE_RENDERS 11	/* a thumbnail and at most 10 pages */

/* Allowed types, a bit mask. */
#define FS_JPEG		0x01
#define FS_PNG		0x02
#define FS_PDF		0x04
#define FS_VOUCHER	(FS_JPEG | FS_PNG | FS_PDF)	/* REM-P9 */
#define FS_DOCUMENT	(FS_JPEG | FS_PNG | FS_PDF)	/* INST-CORP documents */

struct filestore_owner {
	int64_t	user_id;	/* 0: none */
	int64_t	company_id;	/* 0: none */
};

struct filestore_info {
	int64_t	id;		/* files.id */
	char	mime[65];	/* "image/jpeg", "image/png", "application/pdf" */
	char	sha256[65];	/* hex, of the plaintext */
	char	stored_name[41];
	int64_t	size;
	int64_t	dup_of;		/* an earlier file with the same content, or 0 */
	/* The pictures drawn from it (service/docrender.h), filled by
	 * filestore_put for publish and discard: the thumbnail's and
	 * each page's stored name; npages review images. */
	int	npages;
	int	nrenders;
	char	render_name[FILESTORE_RENDERS][41];
};

/* Decide the type of data (len bytes) against allowed (FS_*). Returns the
 * FS_* bit found with its MIME type in mime (at least 32 bytes), or 0 with a
 * message for the user in err. Thread-safe. */
int	filestore_detect(const void *data, size_t len, unsigned allowed,
	    char *mime, char *err, size_t errsz);

/* Check, encrypt and store data, then insert its row (owner, now) in the
 * caller's open transaction. Returns 0 with *out; 1 when the file is
 * refused (type, size: err has the message for the user); -1 on a server
 * error (disk, database, key: err says, nothing left on disk). */
int	filestore_put(struct db *db, const struct config *cfg,
	    const struct filestore_owner *owner, const void *data, size_t len,
	    unsigned allowed, int64_t now, struct filestore_info *out,
	    char *err, size_t errsz);

/* Remove the stored file of info (after the caller's transaction failed).
 * Takes NULL and an info that has no file. */
void	filestore_discard(const struct config *cfg,
	    const struct filestore_info *info);

/* Make the file of info visible under its final name, after the caller's
 * transaction holding its row committed (filestore_put leaves it
 * pending). Returns 0, or -1 (logged; filestore_recover finishes it). */
int	filestore_publish(const struct config *cfg,
	    const struct filestore_info *info);

/* After a crash: publish every pending file whose row exists (committed
 * but not published) and remove pending files and partial writes older
 * than grace seconds without a row (their transaction never committed).
 * Returns the number published, or -1 on a database error. */
int	filestore_recover(struct db *db, const struct config *cfg,
	    int64_t now, int64_t grace);

/* Read and decrypt file id into out (appended), its row in *info (may be
 * NULL). Authorization is the caller's: check info->owner first through
 * the row (filestore_info_get) or your own table. Returns 0; 1 when no
 * such file; -1 when missing on disk, tampered or unreadable (logged). */
int	filestore_get(struct db *db, const struct config *cfg, int64_t id,
	    struct buf *out, struct filestore_info *info);

/* The row of file id (with its number of review images in npages),
 * owners in *owner (may be NULL). 1 found, 0 none, -1 error. */
int	filestore_info_get(struct db *db, int64_t id,
	    struct filestore_info *info, struct filestore_owner *owner);

/* Encrypt/decrypt with the store's format (exposed for tests): ad is the
 * stored name. Return 0, or -1 (bad key; decrypt: tampered, truncated). */
int	filestore_encrypt(const char *secret_hex, const char *ad,
	    const void *data, size_t len, struct buf *out);
int	filestore_decrypt(const char *secret_hex, const char *ad,
	    const void *data, size_t len, struct buf *out);

/* A stored file as a download: its type and a safe name to offer. */
struct filestore_download {
	const char	*mime;		/* "image/jpeg", "image/png" or
					   "application/pdf" (static) */
	char		 filename[80];	/* name_hint's [A-Za-z0-9._-] (others
					   '_', at most 64) and the type's
					   extension */
};

/* For a caller that has authorized the reader: read and decrypt file id
 * into body (appended) with its type and a safe file name made of
 * name_hint. Returns 0; 1 when no such file; -1 when missing on disk,
 * tampered or unreadable (logged). */
int	filestore_download(struct db *db, const struct config *cfg,
	    int64_t id, const char *name_hint, struct buf *body,
	    struct filestore_download *out);

/* For a caller that has authorized the reader: the picture drawn from
 * file id (page 0 its thumbnail, 1.. its pages) decrypted into body
 * (appended), its type in *mime ("image/jpeg" or "image/png", static).
 * Returns 0; 1 when there is no such picture; -1 when unreadable
 * (logged). */
int	filestore_render(struct db *db, const struct config *cfg, int64_t id,
	    int page, struct buf *body, const char **mime);

/* A short secret (a card token) sealed with a 32-byte key
 * (crypto_secretbox, a random nonce): out gets nonce || box, *outlen its
 * size (len + FILESTORE_BOX_OVERHEAD). 0, or -1 when it does not fit in
 * outsz bytes. */
#define FILESTORE_BOX_OVERHEAD	40	/* nonce 24 + MAC 16 */
int	filestore_box_seal(const unsigned char *key, const char *secret,
	    size_t len, unsigned char *out, size_t outsz, size_t *outlen);

/* Open len bytes sealed by filestore_box_seal with key into out (outsz
 * bytes) as a C string: 0, or -1 (out "") when it is too short, does not
 * fit or was not sealed with key. */
int	filestore_box_open(const unsigned char *key, const unsigned char *in,
	    size_t len, char *out, size_t outsz);

#endif
