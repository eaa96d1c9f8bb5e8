/*
 * The encrypted file store (see filestore.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <magic.h>
#include <sodium.h>

#include "core/config.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/check.h"
#include "db/db.h"
#include "db/file.h"
#include "service/docrender.h"
#include "service/filestore.h"

_Static_assert(FILESTORE_BOX_OVERHEAD == crypto_secretbox_NONCEBYTES +
    crypto_secretbox_MACBYTES, "the box overhead is the nonce and the MAC");

#define FS_MAGIC	"MPF1"		/* file format version */
#define FS_CHUNK	(64 * 1024)

static pthread_mutex_t fs_magic_lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t fs_magic;

static const struct {
	unsigned	 bit;
	const char	*mime;
	const char	*ext;
	const unsigned char *sig;
	size_t		 siglen;
} fs_types[] = {
	{ FS_JPEG, "image/jpeg", "jpg", (const unsigned char *)"\xff\xd8\xff", 3 },
	{ FS_PNG, "image/png", "png",
	    (const unsigned char *)"\x89PNG\r\n\x1a\n", 8 },
	{ FS_PDF, "application/pdf", "pdf", (const unsigned char *)"%PDF-", 5 },
};
#define FS_NTYPES (sizeof(fs_types) / sizeof(fs_types[0]))

/* libmagic's MIME type of data into mime (size bytes); "" when libmagic
 * fails. One magic_t for the process, used under the lock. */
static void
magic_mime(const void *data, size_t len, char *mime, size_t size)
{
	const char *m = NULL;

	pthread_mutex_lock(&fs_magic_lock);
	if (fs_magic == NULL) {
		fs_magic = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
		if (fs_magic != NULL && magic_load(fs_magic, NULL) != 0) {
			log_err("filestore: magic_load: %s",
			    magic_error(fs_magic));
			magic_close(fs_magic);
			fs_magic = NULL;
		}
	}
	if (fs_magic != NULL)
		m = magic_buffer(fs_magic, data, len);
	snprintf(mime, size, "%s", m != NULL ? m : "");
	pthread_mutex_unlock(&fs_magic_lock);
}

/* The allowed types as words for messages ("JPEG, PNG or PDF"). */
static void
allowed_words(unsigned allowed, char *out, size_t size)
{
	const char *w[3];
	size_t n = 0;

	if (allowed & FS_JPEG)
		w[n++] = "JPEG";
	if (allowed & FS_PNG)
		w[n++] = "PNG";
	if (allowed & FS_PDF)
		w[n++] = "PDF";
	if (n == 3)
		snprintf(out, size, _("%s, %s or %s"), w[0], w[1], w[2]);
	else if (n == 2)
		snprintf(out, size, _("%s or %s"), w[0], w[1]);
	else
		snprintf(out, size, "%s", n == 1 ? w[0] : "(none)");
}

/* See filestore.h. */
int
filestore_detect(const void *data, size_t len, unsigned allowed, char *mime,
    char *err, size_t errsz)
{
	char words[64], found[128];
	size_t i;

	mime[0] = '\0';
	allowed_words(allowed, words, sizeof(words));
	if (len == 0) {
		snprintf(err, errsz, _("The file is empty. Choose a %s file."),
		    words);
		return 0;
	}
	if (len > FILESTORE_MAX) {
		snprintf(err, errsz,
		    _("The file is %zu bytes; the limit is 10 MB."), len);
		return 0;
	}
	magic_mime(data, len, found, sizeof(found));
	for (i = 0; i < FS_NTYPES; i++) {
		if (!(allowed & fs_types[i].bit) || len < fs_types[i].siglen ||
		    memcmp(data, fs_types[i].sig, fs_types[i].siglen) != 0)
			continue;
		/* Both must agree: the start says it, and libmagic reads
		 * the whole thing the same way. */
		if (strcmp(found, fs_types[i].mime) != 0)
			break;
		snprintf(mime, 32, "%s", fs_types[i].mime);
		return (int)fs_types[i].bit;
	}
	snprintf(err, errsz, _("This file is not a %s file (its content "
	    "reads as %s), whatever its name says. Upload a photo (JPEG or "
	    "PNG) or a PDF."), words, found[0] != '\0' ? found :
	    _("unknown data"));
	return 0;
}

/* The file store key from secret_hex. Returns 0 or -1. */
static int
fs_key(const char *secret_hex, unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES])
{
	unsigned char master[crypto_kdf_KEYBYTES];
	size_t n;

	if (secret_hex == NULL || strlen(secret_hex) != 64 ||
	    sodium_hex2bin(master, sizeof(master), secret_hex, 64, NULL, &n,
	    NULL) != 0 || n != sizeof(master))
		return -1;
	crypto_kdf_derive_from_key(key,
	    crypto_secretstream_xchacha20poly1305_KEYBYTES, 1, "mpfiles_",
	    master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* See filestore.h. Format: "MPF1", header, then chunks of up to FS_CHUNK
 * plaintext bytes each sealed with ABYTES more; the stored name is the
 * additional data of every chunk. */
int
filestore_encrypt(const char *secret_hex, const char *ad, const void *data,
    size_t len, struct buf *out)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char hdr[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char *c;
	const unsigned char *p = data;
	size_t off = 0, n;
	unsigned char tag;

	if (fs_key(secret_hex, key) == -1)
		return -1;
	crypto_secretstream_xchacha20poly1305_init_push(&st, hdr, key);
	sodium_memzero(key, sizeof(key));
	buf_append(out, FS_MAGIC, 4);
	buf_append(out, hdr, sizeof(hdr));
	c = xmalloc(FS_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
	do {
		n = len - off > FS_CHUNK ? FS_CHUNK : len - off;
		tag = off + n == len ?
		    crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
		crypto_secretstream_xchacha20poly1305_push(&st, c, NULL,
		    p + off, n, (const unsigned char *)ad, strlen(ad), tag);
		buf_append(out, c, n +
		    crypto_secretstream_xchacha20poly1305_ABYTES);
		off += n;
	} while (off < len);
	free(c);
	sodium_memzero(&st, sizeof(st));
	return 0;
}

/* See filestore.h. */
int
filestore_decrypt(const char *secret_hex, const char *ad, const void *data,
    size_t len, struct buf *out)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	const size_t hb = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	const size_t ab = crypto_secretstream_xchacha20poly1305_ABYTES;
	const unsigned char *p = data;
	unsigned char *m;
	unsigned long long mlen;
	size_t off, n, start = out->len;
	unsigned char tag = 0;
	int rc = -1;

	if (len < 4 + hb + ab || memcmp(p, FS_MAGIC, 4) != 0 ||
	    fs_key(secret_hex, key) == -1)
		return -1;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&st, p + 4,
	    key) != 0) {
		sodium_memzero(key, sizeof(key));
		return -1;
	}
	sodium_memzero(key, sizeof(key));
	m = xmalloc(FS_CHUNK);
	for (off = 4 + hb; off < len; off += n) {
		n = len - off > FS_CHUNK + ab ? FS_CHUNK + ab : len - off;
		/* Nothing may follow the FINAL chunk. */
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL ||
		    n < ab ||
		    crypto_secretstream_xchacha20poly1305_pull(&st, m, &mlen,
		    &tag, p + off, n, (const unsigned char *)ad,
		    strlen(ad)) != 0)
			goto out;
		buf_append(out, m, (size_t)mlen);
	}
	if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
		rc = 0;
out:
	free(m);
	sodium_memzero(&st, sizeof(st));
	if (rc == -1) {
		/* Never hand out part of a tampered file. */
		sodium_memzero(out->data + start, out->len - start);
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
	}
	return rc;
}

/* upload_dir + "/" + name (+ suffix) into out. */
static void
fs_path(const struct config *cfg, const char *name, const char *suffix,
    char *out, size_t size)
{
	snprintf(out, size, "%s/%s%s", cfg->upload_dir, name, suffix);
}

/* The pending (not yet committed) path of stored file name plus suffix
 * into out: "DIR/.NAMEsuffix". */
static void
fs_pending(const struct config *cfg, const char *name, const char *suffix,
    char *out, size_t size)
{
	snprintf(out, size, "%s/.%s%s", cfg->upload_dir, name, suffix);
}

/* Write len bytes to path with mode 0600, fsync'ed. Returns 0 or -1. */
static int
write_all(const char *path, const void *data, size_t len)
{
	const char *p = data;
	ssize_t w;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1)
		return -1;
	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) == -1) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Encrypt data (len bytes, of type mime, plaintext sha256 in hex) under a
 * new random name into a pending file and insert its row (owner, now) in
 * the caller's transaction; out gets the row. Returns 0, or -1 (err; no
 * file left). */
static int
fs_store(struct db *db, const struct config *cfg,
    const struct filestore_owner *owner, const void *data, size_t len,
    const char *mime, int64_t now, struct filestore_info *out, char *err,
    size_t errsz)
{
	unsigned char rnd[20], h[crypto_hash_sha256_BYTES];
	char tmp[512], final[512];
	struct db_file f;
	struct buf enc;

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out->sha256, sizeof(out->sha256), h, sizeof(h));
	snprintf(out->mime, sizeof(out->mime), "%s", mime);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(out->stored_name, sizeof(out->stored_name), rnd,
	    sizeof(rnd));
	out->size = (int64_t)len;

	buf_init(&enc);
	if (filestore_encrypt(cfg->secret_key, out->stored_name, data, len,
	    &enc) == -1) {
		snprintf(err, errsz, "filestore: [security] key is not 64 hex "
		    "characters");
		buf_cleanup(&enc);
		return -1;
	}
	/* Crash safety: the file is written to ".NAME.tmp" and renamed to
	 * ".NAME" (pending: a dot file, which `mallpayctl check` ignores);
	 * the caller renames it to NAME with filestore_publish() once its
	 * transaction (with the files row) committed. A crash before the
	 * commit leaves only dot files, removed later by filestore_recover();
	 * a crash between commit and publish leaves a row and ".NAME", which
	 * filestore_recover() (mallpayd's start) and filestore_get() publish. */
	fs_pending(cfg, out->stored_name, ".tmp", tmp, sizeof(tmp));
	fs_pending(cfg, out->stored_name, "", final, sizeof(final));
	if (write_all(tmp, enc.data, enc.len) == -1 ||
	    rename(tmp, final) == -1) {
		snprintf(err, errsz, "filestore: cannot write %s: %s", tmp,
		    strerror(errno));
		unlink(tmp);
		buf_cleanup(&enc);
		return -1;
	}
	buf_cleanup(&enc);

	memset(&f, 0, sizeof(f));
	f.owner_user_id = owner != NULL ? owner->user_id : 0;
	f.owner_company_id = owner != NULL ? owner->company_id : 0;
	memcpy(f.sha256, out->sha256, sizeof(f.sha256));
	f.size = out->size;
	snprintf(f.mime, sizeof(f.mime), "%s", out->mime);
	memcpy(f.stored_name, out->stored_name, sizeof(f.stored_name));
	f.created_at = now;
	if ((out->id = db_file_insert(db, &f)) <= 0) {
		snprintf(err, errsz, "filestore: %s", db_error(db));
		unlink(final);
		return -1;
	}
	return 0;
}

/* Store the pictures of r (thumbnail as page 0, then the pages) as files
 * of their own named by out's file_renders rows; their stored names go in
 * out->render_name for publish and discard. Returns 0 or -1 (err). */
static int
fs_store_renders(struct db *db, const struct config *cfg,
    const struct filestore_owner *owner, const struct docrender_result *r,
    int64_t now, struct filestore_info *out, char *err, size_t errsz)
{
	const struct docrender_image *img;
	struct filestore_info ri;
	int i;

	for (i = 0; i <= r->npages; i++) {
		img = i == 0 ? &r->thumb : &r->page[i - 1];
		memset(&ri, 0, sizeof(ri));
		if (fs_store(db, cfg, owner, img->data.data, img->data.len,
		    img->mime, now, &ri, err, errsz) != 0)
			return -1;
		memcpy(out->render_name[out->nrenders++], ri.stored_name,
		    sizeof(ri.stored_name));
		if (db_file_render_add(db, out->id, i, ri.id, img->width,
		    img->height) == -1) {
			snprintf(err, errsz, "filestore: %s", db_error(db));
			return -1;
		}
	}
	out->npages = r->npages;
	return 0;
}

/* See filestore.h. */
int
filestore_put(struct db *db, const struct config *cfg,
    const struct filestore_owner *owner, const void *data, size_t len,
    unsigned allowed, int64_t now, struct filestore_info *out, char *err,
    size_t errsz)
{
	struct docrender_result r;
	char mime[32];
	int64_t dup;
	int bit, rc;

	memset(out, 0, sizeof(*out));
	if ((bit = filestore_detect(data, len, allowed, mime, err,
	    errsz)) == 0)
		return 1;
	/* What reviewers see is drawn now: a file that cannot be drawn is
	 * refused with the decoder's message, and nothing appended to or
	 * embedded in it reaches a page. */
	rc = docrender_file(bit == FS_PDF ? DOCRENDER_PDF : bit == FS_PNG ?
	    DOCRENDER_PNG : DOCRENDER_JPEG, data, len, &r, err, errsz);
	if (rc != 0) {
		if (rc == -1)
			log_err("%s", err);
		return rc;
	}
	if (fs_store(db, cfg, owner, data, len, mime, now, out, err,
	    errsz) != 0)
		goto fail;
	if ((dup = db_file_same_content(db, out->sha256, out->id)) < 0) {
		snprintf(err, errsz, "filestore: %s", db_error(db));
		goto fail;
	}
	out->dup_of = dup;
	if (fs_store_renders(db, cfg, owner, &r, now, out, err, errsz) != 0)
		goto fail;
	docrender_free(&r);
	return 0;
fail:
	log_err("%s", err);
	docrender_free(&r);
	filestore_discard(cfg, out);
	memset(out, 0, sizeof(*out));
	return -1;
}

/* Remove the pending and the published file of stored name. */
static void
fs_remove_name(const struct config *cfg, const char *name)
{
	char path[512];

	fs_pending(cfg, name, "", path, sizeof(path));
	if (unlink(path) == -1 && errno != ENOENT)
		log_err("filestore: cannot remove %s: %s", path,
		    strerror(errno));
	fs_path(cfg, name, "", path, sizeof(path));
	if (unlink(path) == -1 && errno != ENOENT)
		log_err("filestore: cannot remove %s: %s", path,
		    strerror(errno));
}

/* See filestore.h. */
void
filestore_discard(const struct config *cfg, const struct filestore_info *info)
{
	int i;

	if (info == NULL || info->stored_name[0] == '\0')
		return;
	fs_remove_name(cfg, info->stored_name);
	for (i = 0; i < info->nrenders; i++)
		fs_remove_name(cfg, info->render_name[i]);
}

/* Rename the pending file of stored name to its final name. Returns 0
 * (also when it is already published) or -1 (logged). */
static int
fs_publish_name(const struct config *cfg, const char *name)
{
	char pending[512], final[512];

	fs_pending(cfg, name, "", pending, sizeof(pending));
	fs_path(cfg, name, "", final, sizeof(final));
	if (rename(pending, final) == -1) {
		if (errno == ENOENT && access(final, F_OK) == 0)
			return 0;
		log_err("filestore: cannot publish %s: %s", pending,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* See filestore.h. */
int
filestore_publish(const struct config *cfg, const struct filestore_info *info)
{
	int i, rc;

	if (info == NULL || info->stored_name[0] == '\0')
		return 0;
	rc = fs_publish_name(cfg, info->stored_name);
	for (i = 0; i < info->nrenders; i++)
		if (fs_publish_name(cfg, info->render_name[i]) != 0)
			rc = -1;
	return rc;
}

/* See filestore.h. */
int
filestore_recover(struct db *db, const struct config *cfg, int64_t now,
    int64_t grace)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char path[1024], name[64];
	size_t len;
	int rc, n = 0;

	if ((d = opendir(cfg->upload_dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' || strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", cfg->upload_dir,
		    de->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		len = strlen(de->d_name + 1);
		/* A stored name is 40 hex digits: anything else is not ours
		 * or a partial write (".NAME.tmp"), removed once old. */
		if (len != 40 || strspn(de->d_name + 1,
		    "0123456789abcdef") != 40) {
			if (len == 44 && strcmp(de->d_name + 41, ".tmp") == 0 &&
			    now - (int64_t)st.st_mtime > grace)
				unlink(path);
			continue;
		}
		snprintf(name, sizeof(name), "%s", de->d_name + 1);
		if ((rc = db_check_file_row(db, name)) == -1) {
			closedir(d);
			return -1;
		}
		if (rc == 1) {
			/* Committed, not published: a crash in between. */
			if (fs_publish_name(cfg, name) == 0)
				n++;
		} else if (now - (int64_t)st.st_mtime > grace)
			unlink(path);	/* its transaction never committed */
	}
	closedir(d);
	return n;
}

/* See filestore.h. */
int
filestore_info_get(struct db *db, int64_t id, struct filestore_info *info,
    struct filestore_owner *owner)
{
	struct db_file f;
	int rc;

	if ((rc = db_file_get(db, id, &f)) != 1)
		return rc;
	memset(info, 0, sizeof(*info));
	info->id = f.id;
	snprintf(info->mime, sizeof(info->mime), "%s", f.mime);
	memcpy(info->sha256, f.sha256, sizeof(info->sha256));
	memcpy(info->stored_name, f.stored_name, sizeof(info->stored_name));
	info->size = f.size;
	if ((info->npages = db_file_render_pages(db, id)) == -1)
		return -1;
	if (owner != NULL) {
		owner->user_id = f.owner_user_id;
		owner->company_id = f.owner_company_id;
	}
	return 1;
}

/* See filestore.h. */
int
filestore_get(struct db *db, const struct config *cfg, int64_t id,
    struct buf *out, struct filestore_info *info)
{
	struct filestore_info fi;
	struct buf enc;
	char path[512], chunk[65536];
	ssize_t r;
	size_t start = out->len;
	int fd, rc;

	if ((rc = filestore_info_get(db, id, &fi, NULL)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	fs_path(cfg, fi.stored_name, "", path, sizeof(path));
	/* The row is visible, so its transaction committed: a file still
	 * pending (its request died before publishing) is published now. */
	if (access(path, F_OK) == -1 && errno == ENOENT)
		fs_publish_name(cfg, fi.stored_name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_err("filestore: file %" PRId64 ": %s: %s", id, path,
		    strerror(errno));
		return -1;
	}
	buf_init(&enc);
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		buf_append(&enc, chunk, (size_t)r);
	}
	close(fd);
	rc = r == 0 ? filestore_decrypt(cfg->secret_key, fi.stored_name,
	    enc.data, enc.len, out) : -1;
	buf_cleanup(&enc);
	if (rc == 0 && (int64_t)(out->len - start) != fi.size)
		rc = -1;
	if (rc == -1) {
		log_err("filestore: file %" PRId64 " is unreadable or was "
		    "tampered with", id);
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
		return -1;
	}
	if (info != NULL)
		*info = fi;
	return 0;
}

/* The extension of mime, "bin" when unknown. */
static const char *
mime_ext(const char *mime)
{
	size_t i;

	for (i = 0; i < FS_NTYPES; i++)
		if (strcmp(mime, fs_types[i].mime) == 0)
			return fs_types[i].ext;
	return "bin";
}

/* See filestore.h. */
int
filestore_download(struct db *db, const struct config *cfg, int64_t id,
    const char *name_hint, struct buf *body, struct filestore_download *out)
{
	struct filestore_info fi;
	char name[80];
	size_t i, n = 0;
	int rc;

	if ((rc = filestore_get(db, cfg, id, body, &fi)) != 0)
		return rc;
	for (i = 0; name_hint != NULL && name_hint[i] != '\0' && n < 64; i++) {
		char ch = name_hint[i];

		int keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' &&
		    ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		    ch == '_' || (ch == '.' && n > 0);

		name[n++] = keep ? ch : '_';
	}
	if (n == 0)
		name[n++] = 'f';
	name[n] = '\0';
	snprintf(out->filename, sizeof(out->filename), "%s.%s", name,
	    mime_ext(fi.mime));
	/* The stored MIME is one of three literals: safe as a header. */
	out->mime = fi.mime[0] == 'i' ?
	    (strcmp(fi.mime, "image/png") == 0 ? "image/png" : "image/jpeg") :
	    "application/pdf";
	return 0;
}

/* See filestore.h. */
int
filestore_render(struct db *db, const struct config *cfg, int64_t id,
    int page, struct buf *body, const char **mime)
{
	struct filestore_info fi;
	int64_t rid;
	int rc;

	if (page < 0 || page >= FILESTORE_RENDERS)
		return 1;
	if ((rid = db_file_render_get(db, id, page)) <= 0)
		return rid == 0 ? 1 : -1;
	if ((rc = filestore_get(db, cfg, rid, body, &fi)) != 0)
		return rc;
	/* The picture's MIME is one of two literals: safe as a header. */
	*mime = strcmp(fi.mime, "image/png") == 0 ? "image/png" :
	    "image/jpeg";
	return 0;
}

/* See filestore.h. */
int
filestore_box_seal(const unsigned char *key, const char *secret, size_t len,
    unsigned char *out, size_t outsz, size_t *outlen)
{
	if (FILESTORE_BOX_OVERHEAD + len > outsz)
		return -1;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)secret, len, out, key);
	*outlen = FILESTORE_BOX_OVERHEAD + len;
	return 0;
}

/* See filestore.h. */
int
filestore_box_open(const unsigned char *key, const unsigned char *in,
    size_t len, char *out, size_t outsz)
{
	size_t	n;

	if (outsz > 0)
		out[0] = '\0';
	if (len < FILESTORE_BOX_OVERHEAD)
		return -1;
	n = len - FILESTORE_BOX_OVERHEAD;
	if (n + 1 > outsz || crypto_secretbox_open_easy((unsigned char *)out,
	    in + crypto_secretbox_NONCEBYTES, len - crypto_secretbox_NONCEBYTES,
	    in, key) != 0) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	out[n] = '\0';
	return 0;
}
