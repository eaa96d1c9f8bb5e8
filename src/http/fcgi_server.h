#ifndef MALLPAY_HTTP_FCGI_SERVER_H
#define MALLPAY_HTTP_FCGI_SERVER_H

/*
 * A one-worker FastCGI server for a small program of its own (the sandbox
 * bank, src/bankd.c): the socket, and the loop that reads each request,
 * has it served and writes the answer. mallpayd runs its own threads.
 */

#include "http/http.h"

/* Serve one parsed request req into resp (arg: the caller's). */
typedef void (*http_serve_fn)(struct http_req *req, struct http_resp *resp,
	    void *arg);

/* Open the FastCGI socket at path (an old one removed first, mode 0660).
 * Returns its descriptor, or -1. */
int	http_fcgi_listen(const char *path);

/* Accept the requests of fd one at a time until accepting fails: each is
 * read (a malformed one is answered with its status, "Bad request."),
 * served by fn, written back. Returns 0, or -1 when the loop could not
 * start. */
int	http_fcgi_serve(int fd, http_serve_fn fn, void *arg);

#endif
