#ifndef MALLPAY_CORE_CSV_H
#define MALLPAY_CORE_CSV_H

/*
 * CSV writing (RFC 4180) for the admin console's exports: fields separated
 * by commas, records ended by CRLF, a field holding a comma, a double quote,
 * CR or LF enclosed in double quotes with its quotes doubled. UTF-8 without
 * a byte order mark: bytes are copied as they are, and a BOM would be read
 * as part of the first heading by most programs other than Excel.
 *
 * Spreadsheet formula injection: a text cell whose first byte is =, +, -,
 * @, tab or CR is written with a leading apostrophe ("'=1+2"), so that a
 * spreadsheet shows it as text instead of evaluating it. A number cell
 * (csv_number) is written as it is only when it is a plain decimal,
 * "-?[0-9]+(.[0-9]+)?": a spreadsheet reads "-12.50" as the number -12.50,
 * never as a formula; anything else handed to csv_number is a text cell.
 *
 * Usage:
 *	struct csv w;
 *	csv_init(&w, &out);
 *	csv_text(&w, "Order"); csv_text(&w, "Amount"); csv_end(&w);
 *	csv_number(&w, "12"); csv_number(&w, "-3.50"); csv_end(&w);
 */

#include <stddef.h>

struct buf;

struct csv {
	struct buf	*out;		/* borrowed: records are appended */
	size_t		 col;		/* cells written in the current record */
};

/* Start writing records into out (borrowed). */
void	csv_init(struct csv *, struct buf *out);
/* Append a text cell: neutralized against formulas, quoted when needed.
 * NULL is the empty cell. */
void	csv_text(struct csv *, const char *s);
/* The same for len bytes of s (which may hold no NUL). */
void	csv_textn(struct csv *, const char *s, size_t len);
/* Append a number cell: written as it is when s is a plain decimal (see
 * above), else as csv_text(s). */
void	csv_number(struct csv *, const char *s);
/* End the current record (CRLF). */
void	csv_end(struct csv *);

/* 1 if s is a plain decimal "-?[0-9]+(.[0-9]+)?", else 0. */
int	csv_is_decimal(const char *s);

#endif
