#ifndef MALLPAY_CORE_SESSION_H
#define MALLPAY_CORE_SESSION_H

#include <stdint.h>

/*
 * The signed-in person of a request as both the request (struct
 * session_user, http/http.h) and the sign-in use cases (struct auth_user,
 * service/auth.h) hold it: who, their session, and what the page header
 * shows. Each of those structs starts with SESSION_WHO_MEMBERS and adds
 * its own fields.
 */
#define SESSION_WHO_MEMBERS						\
	int64_t		 user_id;	/* 0 when anonymous */		\
	int64_t		 company_id;	/* 0 unless a company member */	\
	char		 name[128];					\
	char		 email[256];					\
	char		 session_hash[65];	/* "" without a session */	\
	int64_t		 pending_admin_id;	/* an admin past the	\
						   password step only	\
						   (user_id is then 0);	\
						   else 0 */		\
	int64_t		 second_factor_at;	/* an admin's last code	\
						   entry */		\
	int		 unread_known;	/* unread below came with the	\
					   session */			\
	int64_t		 unread;	/* unread messages, for the	\
					   header */			\
	char		 language[8];	/* the account's language, ""	\
					   none */			\
	char		 country[3]	/* its default address's, ""	\
					   none */

#endif
