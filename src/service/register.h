#ifndef MALLPAY_SERVICE_REGISTER_H
#define MALLPAY_SERVICE_REGISTER_H

#include <stddef.h>

struct auth_req;

#define REGISTER_MIN_PASSWORD	12	/* characters (code points) */
#define REGISTER_MAX_PASSWORD	1024	/* bytes */
#define REGISTER_MAX_NAME	120	/* bytes */
#define REGISTER_MAX_EMAIL	254	/* bytes */

/* What the registration form sent; NULL for a field that is missing or was
 * refused by the route's field validation. */
struct register_input {
	const char	*email;
	const char	*name;
	const char	*password;
	const char	*confirm;
};

/* One message per field (static strings), NULL when the field is fine. */
struct register_errors {
	const char	*email;
	const char	*name;
	const char	*password;
	const char	*confirm;
};

/* Check the input and fill err (every field checked, not only the first).
 * Pure: no database. Returns the number of fields in error. */
int	register_check(const struct register_input *in, struct register_errors *err);

/* Register a B2C shopper and sign them in, in one transaction: check the input
 * (register_check), hash the password (argon2id), insert the user with the
 * email lower-cased, start a session (auth_session_start: its token in
 * c->token, c->user the new shopper). A taken email is an error on the email field.
 * Returns 0 when registered and signed in, 1 when the input was refused (err
 * filled, nothing written), -1 on a database or memory error (nothing written). */
int	register_shopper(struct auth_req *c, const struct register_input *in,
	    struct register_errors *err);

#endif
