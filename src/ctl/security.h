#ifndef MALLPAY_CTL_SECURITY_H
#define MALLPAY_CTL_SECURITY_H

/*
 * mallpayctl check | backup DIR | restore DIR. Same contract as
 * the commands of ctl.h: argv[0] is the command name; returns the exit
 * status (0 success, 1 failure or violations found, 2 usage error).
 */

#include <stddef.h>

struct ctl;

int	ctl_check(struct ctl *, int argc, char **argv);
int	ctl_backup(struct ctl *, int argc, char **argv);
int	ctl_restore(struct ctl *, int argc, char **argv);

/* The SHA-256 (hex, 65 bytes with NUL) of the 32-byte key given as 64 hex
 * characters: what a backup records instead of the key. Returns 0, or -1
 * if key_hex is not 64 hex characters. */
int	ctl_key_fingerprint(const char *key_hex, char out[65]);

#endif
