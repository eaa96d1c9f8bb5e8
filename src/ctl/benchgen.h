#ifndef MALLPAY_CTL_BENCHGEN_H
#define MALLPAY_CTL_BENCHGEN_H

/*
 * The orders of mallpayctl bench-data (ctl/benchdata.c), made in memory a
 * chunk at a time along the roads the product's own flows take: items,
 * events, the installment plans with their ledger entries, the remittance
 * vouchers (ctl/benchgen.c). The data set is the same on every run.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "db/benchdata.h"
#include "db/ledger.h"
#include "service/plans.h"

struct config;
struct db;

/* The installment institutions used (benchgen.c). */
#define BENCH_NINST	3

/* What one run shares: the database, the clock, the catalog, the
 * institutions' terms, the next ids and what was made. */
struct gen {
	struct db		*db;
	const struct config	*cfg;
	int64_t			 now;
	mp_date			 today;
	const struct seed_product *prods;
	size_t			 nprods;
	int			 extra;		/* plans and vouchers written */
	struct plan_terms	 it[BENCH_NINST];
	int64_t			 plan_id, voucher_id;	/* last used */
	int64_t			 admin_id;	/* 0: none */
	int			 domestic;	/* REM-P4 for region SEA */
	mp_date			*hol;
	size_t			 nh;
	long			 nplans, ninst, npaid, nvouchers, nfiles;
};

/* Orders, items, events, plans, installments, payments, the plans' ledger
 * lines and vouchers of one chunk; file[i] says voucher i gets an uploaded
 * file at flush. */
struct chunk {
	struct bench_order	*o;
	struct bench_item	*it;
	struct bench_event	*ev;
	struct bench_plan	*pl;
	struct bench_inst	*in;
	struct bench_pay	*pay;
	struct db_ledger_line	*led;
	struct bench_voucher	*v;
	int			*file;
	size_t			 no, nit, nev, npl, nin, npay, nled, nv;
	size_t			 cev, cin, cpay, cled;	/* capacities */
};

/* Fill order id (owner user_id, serial number seq, rnd the generator's
 * state) with its items, events and, by its kind, its plan or voucher into
 * ch. force12: the benchmark shopper's active 12-month plan. Returns 0, or
 * -1 when the rules refused a plan (logged; the order is not added). */
int	bench_make_order(struct chunk *ch, struct gen *g, int64_t id,
	    int64_t user_id, int64_t seq, uint64_t *rnd, int force12);

/* A small valid PNG naming order_id (an uploaded voucher's file) into
 * out. */
void	bench_png(struct buf *out, int64_t order_id);

/* Read what plans and vouchers need into g: the institutions' terms, the
 * last plan and voucher ids, the deciding admin, REM-P4's region and
 * holidays. Returns 0, 1 when an institution is missing (seed-demo), -1
 * on a database error. */
int	bench_gen_prepare(struct gen *g);

#endif
