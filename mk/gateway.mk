# gateway layer: files of src/gateway (see Makefile.am)
# platform: partner boundaries, each an interface with a sandbox
# (bank: INST-CC/PAU charges, finance: INST-PC, logistics: shipments, sms)
libmallpay_a_SOURCES += \
	src/gateway/bank.h src/sandbox/bank.c \
	src/gateway/finance.h src/sandbox/finance.c \
	src/gateway/logistics.c src/gateway/logistics.h \
	src/gateway/sms.h src/sandbox/sms.c

check_PROGRAMS += tests/unit/test_gateway
tests_unit_test_gateway_SOURCES = tests/unit/test_gateway.c
tests_unit_test_gateway_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_gateway_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_gateway

# recon: the partners' own books (gateway/books.h: the report format and
# the store hook) and the sandboxes' store on a connection of its own
libmallpay_a_SOURCES += src/gateway/books.c src/gateway/books.h \
	src/sandbox/books.c src/sandbox/books.h
# identity: the identity service and the credit bureau (INST-01, INST-02)
libmallpay_a_SOURCES += \
	src/gateway/identity.c src/gateway/identity.h \
	src/gateway/creditbureau.c src/gateway/creditbureau.h
check_PROGRAMS += tests/unit/test_identity_gateway
tests_unit_test_identity_gateway_SOURCES = tests/unit/test_identity_gateway.c
tests_unit_test_identity_gateway_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_identity_gateway_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_identity_gateway
