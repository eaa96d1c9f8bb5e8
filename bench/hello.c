/*
 * bench/hello: the ceiling of the FastCGI path on this machine.
 *
 *	hello -s SOCKET [-t THREADS]
 *
 * A bare libfcgi program built like mallpayd: FCGX_Init and the socket
 * once, then THREADS workers (default 4, mallpayd's default) each with
 * its own FCGX_Request calling FCGX_Accept_r / FCGX_Finish_r, answering
 * one fixed small HTML page. No database, no templates, no session: the
 * benchmark divides every page's requests/s by this figure.
 *
 * SIGTERM/SIGINT: the same shutdown as mallpayd (signals blocked before
 * the threads, sigwait in one thread, FCGX_ShutdownPending and shutdown
 * of the listening socket), so bench/run.sh can stop it by pid.
 */
#include <errno.h>
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define HELLO_MAX_THREADS	64

static const char hello_page[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "\r\n"
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>hello</title></head><body><p>Hello from FastCGI.</p>"
    "</body></html>\n";

static int		listen_fd = -1;
static atomic_int	stopping;

/* A worker: accept and answer until the listening socket is shut. arg is
 * unused. Returns NULL. */
static void *
worker(void *arg)
{
	FCGX_Request fr;

	(void)arg;
	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0) {
		fprintf(stderr, "hello: FCGX_InitRequest failed\n");
		return NULL;
	}
	while (!atomic_load(&stopping)) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		FCGX_PutStr(hello_page, (int)sizeof(hello_page) - 1, fr.out);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	return NULL;
}

/* The signal thread: arg is the blocked signal set; on a stop signal mark
 * the process as stopping and shut the listening socket so that every
 * worker returns from accept. Returns NULL. */
static void *
signal_waiter(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;

	if (sigwait(set, &sig) != 0)
		sig = SIGTERM;
	atomic_store(&stopping, 1);
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);
	return NULL;
}

/* Print the usage and exit 2. */
static void
usage(void)
{
	fprintf(stderr, "usage: hello -s SOCKET [-t THREADS]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	pthread_t threads[HELLO_MAX_THREADS], sigthr;
	sigset_t set;
	const char *sock = NULL;
	int ch, i, n = 4, started = 0;

	while ((ch = getopt(argc, argv, "s:t:")) != -1) {
		switch (ch) {
		case 's':
			sock = optarg;
			break;
		case 't':
			n = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (sock == NULL || optind != argc || n < 1 || n > HELLO_MAX_THREADS)
		usage();
	if (FCGX_Init() != 0) {
		fprintf(stderr, "hello: FCGX_Init failed\n");
		return 1;
	}
	if (unlink(sock) == -1 && errno != ENOENT) {
		fprintf(stderr, "hello: %s: %s\n", sock, strerror(errno));
		return 1;
	}
	if ((listen_fd = FCGX_OpenSocket(sock, 128)) < 0 ||
	    chmod(sock, 0660) == -1) {
		fprintf(stderr, "hello: %s: cannot open the socket\n", sock);
		return 1;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < n; i++)
		if (pthread_create(&threads[started], NULL, worker, NULL) == 0)
			started++;
	if (started == 0 ||
	    pthread_create(&sigthr, NULL, signal_waiter, &set) != 0) {
		fprintf(stderr, "hello: cannot start threads\n");
		return 1;
	}
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	if (!atomic_load(&stopping))
		pthread_kill(sigthr, SIGTERM);
	pthread_join(sigthr, NULL);
	close(listen_fd);
	unlink(sock);
	return 0;
}
