#ifndef MALLPAY_SANDBOX_BOOKS_H
#define MALLPAY_SANDBOX_BOOKS_H

/*
 * The sandbox partners' own books (gateway/books.h), kept in the table
 * sandbox_partner_ops (sql/018_reconciliation.sql) through db/sandbox.c.
 *
 * Like a real partner's, these books are NOT part of the mall's
 * transactions: each thread writes and reads them on a database
 * connection of its own (the configuration's [database]), in autocommit,
 * opened on first use and closed when the thread ends (or by
 * sandbox_books_end()). So "the bank charged but the mall's transaction
 * rolled back" leaves the charge in the bank's books, as in reality, and
 * reconciliation finds it.
 */

struct config;

/* Install the sandbox books as this process's partner_books store. cfg
 * must stay valid as long as gateways are used. Call once, before threads
 * start. Returns 0, or -1. */
int	sandbox_books_init(const struct config *cfg);

/* Close the calling thread's books connection (if any). */
void	sandbox_books_end(void);

#endif
