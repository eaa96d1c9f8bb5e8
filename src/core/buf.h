#ifndef MALLPAY_CORE_BUF_H
#define MALLPAY_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A growable byte buffer, always NUL-terminated after len bytes. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/* Allocation failure aborts the process (tmux xmalloc style). */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Append a zeroed element of sz bytes to the array *arr of *n elements
 * with room for *cap (grown as needed), and return it. */
void	*xappend(void **arr, size_t *n, size_t *cap, size_t sz);

/* Prepare an embedded buf: empty, data == NULL until first append. */
void	 buf_init(struct buf *);
/* Release the memory of an embedded buf and leave it empty; takes NULL. */
void	 buf_cleanup(struct buf *);
/* Drop the contents, keep the memory. */
void	 buf_reset(struct buf *);
/* Append len bytes (may contain NUL). */
void	 buf_append(struct buf *, const void *, size_t);
/* Append a C string. */
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
/* Append printf-formatted text. */
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* The contents as a C string ("" when empty); owned by the buf. */
const char *buf_str(const struct buf *);

/* Write a printf-formatted message into err (errsz bytes, truncated);
 * nothing when err is NULL or errsz 0 (the caller wants no message). */
void	 seterr(char *err, size_t errsz, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* The value of one hex digit c (either case), or -1 when c is none. */
int	 hex_digit(int c);

#endif
