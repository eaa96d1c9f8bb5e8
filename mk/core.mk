# core layer: no I/O beyond logging
libmallpay_a_SOURCES += \
	src/core/buf.c src/core/buf.h \
	src/core/clock.c src/core/clock.h \
	src/core/config.c src/core/config.h \
	src/core/log.c src/core/log.h \
	src/core/result.h \
	src/core/session.h \
	src/core/words.c src/core/words.h \
	src/core/said.c src/core/said.h \
	src/core/csv.c src/core/csv.h \
	src/core/digest.c src/core/digest.h

# rules-core: money, exchange rates, calendar (RULES C-01, C-02, C-04)
libmallpay_a_SOURCES += \
	src/core/money.c src/core/money.h \
	src/core/fx.c src/core/fx.h \
	src/core/calendar.c src/core/calendar.h \
	src/core/fee_mode.h \
	src/core/order_status.c src/core/order_status.h \
	src/core/pay_method.c src/core/pay_method.h \
	src/core/lifecycle.c src/core/lifecycle.h \
	src/core/admin_role.c src/core/admin_role.h

UNIT_TESTS += tests/unit/core/test_money
tests_unit_core_test_money_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/core/test_calendar
tests_unit_core_test_calendar_CFLAGS = $(UNIT_CFLAGS)
# words, not codes: display names and plurals (core/words.h)
UNIT_TESTS += tests/unit/core/test_words
tests_unit_core_test_words_CFLAGS = $(UNIT_CFLAGS)
# order statuses and payment methods: names <-> types (core/order_status.h,
# core/pay_method.h)
UNIT_TESTS += tests/unit/core/test_order_types
tests_unit_core_test_order_types_CFLAGS = $(UNIT_CFLAGS)
# CSV writing of the exports: RFC 4180 quoting, formula injection (core/csv.h)
UNIT_TESTS += tests/unit/core/test_csv
tests_unit_core_test_csv_CFLAGS = $(UNIT_CFLAGS)
# admin roles: names <-> bits (core/admin_role.h)
UNIT_TESTS += tests/unit/core/test_admin_role
tests_unit_core_test_admin_role_CFLAGS = $(UNIT_CFLAGS)
# the configuration's defaults: worker threads a CPU (core/config.h)
UNIT_TESTS += tests/unit/core/test_config
tests_unit_core_test_config_CFLAGS = $(UNIT_CFLAGS)
