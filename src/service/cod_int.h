#ifndef MALLPAY_SERVICE_COD_INT_H
#define MALLPAY_SERVICE_COD_INT_H

/*
 * Cash on delivery: what the cod*.c files share and no other code uses
 * (the public interface is cod.h).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "service/cod.h"
#include "service/orderflow.h"

struct db;
struct db_cod;
struct db_order;

/* msg = printf(fmt...), returns r. */
enum result cod_say(enum result r, char *msg, size_t msgsz,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Map an orderflow result; msg says why for people. */
enum result cod_of_result(enum result r, int64_t id,
    enum order_status from, char *msg, size_t msgsz);

/* Today's date string of now into day (11 bytes). -1 on a bad time. */
int	cod_today(int64_t now, char day[11], mp_date *d);

/* Lock order id (of user_id, 0 any owner) and read it into *o under the
 * lock, so that every decision below sees the order as it is now and
 * concurrent steps on one order run one after the other: RES_OK,
 * RES_NOT_FOUND, RES_ERROR. */
enum result cod_lock_order(struct db *db, int64_t user_id, int64_t id,
    struct db_order *o, char *msg, size_t msgsz);

/* Load COD order id (of user_id, 0 any) into *o. */
enum result cod_lock_cod(struct db *db, int64_t user_id, int64_t id,
    struct db_order *o, char *msg, size_t msgsz);

/* The COD order id in shipped or delivered, locked row of cod_orders in
 * *c (created when missing). */
enum result cod_lock_on_road(struct db *db, int64_t id,
    struct db_order *o, struct db_cod *c, char *msg, size_t msgsz);

/* A message to the order's shopper. 0 or -1. */
int	cod_tell(struct db *db, const struct db_order *o, const char *subject,
    const char *body, int64_t now);

/* The integer setting name, or dflt. */
int64_t	cod_setting(struct db *db, const char *name, int64_t dflt);

/* The amount minor/cur as "USD 1,234.50" into out. */
const char *cod_amount(int64_t minor, const char *cur, char *out,
    size_t outsz);

/* 1 if s is 1-64 printable ASCII bytes. */
int	cod_printable(const char *s);

#endif /* MALLPAY_SERVICE_COD_INT_H */
