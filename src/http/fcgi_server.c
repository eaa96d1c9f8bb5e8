/*
 * A one-worker FastCGI server (see fcgi_server.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core/log.h"
#include "http/fcgi_server.h"
#include "http/request.h"
#include "http/response.h"

/* See fcgi_server.h. */
int
http_fcgi_listen(const char *path)
{
	int fd;

	if (FCGX_Init() != 0 || (unlink(path) == -1 && errno != ENOENT) ||
	    (fd = FCGX_OpenSocket(path, 64)) < 0)
		return -1;
	if (chmod(path, 0660) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* See fcgi_server.h. */
int
http_fcgi_serve(int fd, http_serve_fn fn, void *arg)
{
	FCGX_Request		fr;
	struct http_req		req;
	struct http_resp	resp;
	int			rc;

	if (FCGX_InitRequest(&fr, fd, 0) != 0)
		return -1;
	while (FCGX_Accept_r(&fr) >= 0) {
		http_req_init(&req);
		http_resp_init(&resp);
		if ((rc = http_req_read(&req, &fr)) != 0)
			resp_text(&resp, rc, "Bad request.");
		else
			fn(&req, &resp, arg);
		if (http_resp_write(&resp, &fr) == -1)
			log_warn("response not delivered (client gone)");
		http_resp_cleanup(&resp);
		http_req_cleanup(&req);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	return 0;
}
