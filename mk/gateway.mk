# gateway layer: files of src/gateway (see Makefile.am)
# platform: partner boundaries, each an interface with a sandbox
# (bank: INST-CC/PAU charges, finance: INST-PC, logistics: shipments, sms)
libmallpay_a_SOURCES += \
	src/gateway/bank.h src/sandbox/bank.c \
	src/gateway/calls.c src/gateway/calls.h \
	src/gateway/bank_hosted.c src/gateway/bank_wire.c src/gateway/bank_wire.h \
	src/gateway/finance.h src/sandbox/finance.c \
	src/gateway/logistics.c src/gateway/logistics.h \
	src/gateway/sms.h src/sandbox/sms.c

UNIT_TESTS += tests/unit/gateway/test_gateway
tests_unit_gateway_test_gateway_CFLAGS = $(UNIT_CFLAGS)

# recon: the partners' own books (gateway/books.h: the report format and
# the store hook) and the sandboxes' store on a connection of its own
libmallpay_a_SOURCES += src/gateway/books.c src/gateway/books.h \
	src/sandbox/books.c src/sandbox/books.h
# identity: the identity service and the credit bureau (INST-01, INST-02)
libmallpay_a_SOURCES += \
	src/gateway/identity.c src/gateway/identity.h \
	src/gateway/creditbureau.c src/gateway/creditbureau.h
UNIT_TESTS += tests/unit/gateway/test_identity_gateway
tests_unit_gateway_test_identity_gateway_CFLAGS = $(UNIT_CFLAGS)

# hosted card page: the sandbox bank's own process (bankd) and its logic
libmallpay_a_SOURCES += src/sandbox/hosted.c src/sandbox/hosted_api.c \
	src/sandbox/hosted.h
bin_PROGRAMS += bankd
bankd_SOURCES = src/bankd.c
bankd_LDADD = $(MALLPAY_LIBS)
UNIT_TESTS += tests/unit/gateway/test_bank_wire
tests_unit_gateway_test_bank_wire_CFLAGS = $(UNIT_CFLAGS)
