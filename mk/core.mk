# core layer: no I/O beyond logging
libmallpay_a_SOURCES += \
	src/core/buf.c src/core/buf.h \
	src/core/clock.c src/core/clock.h \
	src/core/config.c src/core/config.h \
	src/core/log.c src/core/log.h

# rules-core: money, exchange rates, calendar (RULES C-01, C-02, C-04)
libmallpay_a_SOURCES += \
	src/core/money.c src/core/money.h \
	src/core/fx.c src/core/fx.h \
	src/core/calendar.c src/core/calendar.h \
	src/core/fee_mode.h

check_PROGRAMS += tests/unit/test_money tests/unit/test_calendar
tests_unit_test_money_SOURCES = tests/unit/test_money.c
tests_unit_test_money_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_money_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_calendar_SOURCES = tests/unit/test_calendar.c
tests_unit_test_calendar_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_calendar_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_money tests/unit/test_calendar
