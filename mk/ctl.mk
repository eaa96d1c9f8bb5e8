# ctl layer: files of src/ctl (see Makefile.am)

# rules-core: mallpayctl schedule (in the library so unit tests reach it)
libmallpay_a_SOURCES += src/ctl/schedule.c src/ctl/schedule.h

# rules-elig: mallpayctl eligibility (in the library so tests and the fuzzer reach it)
libmallpay_a_SOURCES += src/ctl/eligibility.c src/ctl/eligibility.h \
	src/ctl/eligibility_render.c \
	src/ctl/facts_parse.c src/ctl/facts_settings.c \
	src/ctl/facts_json.c src/ctl/facts_json.h
UNIT_TESTS += tests/unit/ctl/test_facts_json
tests_unit_ctl_test_facts_json_CFLAGS = $(UNIT_CFLAGS)

# rules-core: test of mallpayctl schedule
UNIT_TESTS += tests/unit/ctl/test_schedule
tests_unit_ctl_test_schedule_CFLAGS = $(UNIT_CFLAGS)
# data: mallpayctl subcommands (src/mallpayctl.c dispatches)
libmallpay_a_SOURCES += \
	src/ctl/ctl.h \
	src/ctl/migrate.c \
	src/ctl/seed.c \
	src/ctl/admin.c \
	src/ctl/tick.c

# corp: mallpayctl corp-statement (bank statement lines of corporate plans)
libmallpay_a_SOURCES += src/ctl/corp_statement.c

# security: mallpayctl check | backup | restore
libmallpay_a_SOURCES += src/ctl/check.c src/ctl/backup.c src/ctl/security.h

# bench: mallpayctl bench-data (the benchmark data set)
libmallpay_a_SOURCES += src/ctl/benchdata.c src/ctl/benchgen.c src/ctl/benchgen.h

# platform: mallpayctl partner-sign
libmallpay_a_SOURCES += src/ctl/partner.c src/ctl/partner.h

# recon: mallpayctl partner-report | reconcile
libmallpay_a_SOURCES += src/ctl/recon.c src/ctl/recon.h

# the stack's scheduler process: tick every period (mallpayctl scheduler)
libmallpay_a_SOURCES += src/ctl/scheduler.c
