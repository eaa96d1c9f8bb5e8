# fuzz layer: files of src/fuzz (see Makefile.am)

# Every harness tests/fuzz/fuzz_NAME.c is built twice: linked with
# tests/fuzz/replay.c as the test tests/fuzz/replay_NAME, which `make check`
# runs in every build over tests/fuzz/corpus/NAME and the regression
# crashers (the program finds them by its own name), and as the libFuzzer
# binary tests/fuzz/fuzz_NAME in a --enable-fuzzing build only.

# rules-elig: the eligibility facts parser.
check_PROGRAMS += tests/fuzz/replay_facts
tests_fuzz_replay_facts_SOURCES = tests/fuzz/fuzz_facts.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_facts
EXTRA_DIST += tests/fuzz/corpus/facts
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_facts
tests_fuzz_fuzz_facts_SOURCES = tests/fuzz/fuzz_facts.c
tests_fuzz_fuzz_facts_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# rules-core: amount/rate parsers and creditor references.
check_PROGRAMS += tests/fuzz/replay_money tests/fuzz/replay_rfcode
tests_fuzz_replay_money_SOURCES = tests/fuzz/fuzz_money.c tests/fuzz/replay.c
tests_fuzz_replay_rfcode_SOURCES = tests/fuzz/fuzz_rfcode.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_money tests/fuzz/replay_rfcode
EXTRA_DIST += tests/fuzz/corpus/money tests/fuzz/corpus/rfcode
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_money tests/fuzz/fuzz_rfcode
tests_fuzz_fuzz_money_SOURCES = tests/fuzz/fuzz_money.c
tests_fuzz_fuzz_money_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_rfcode_SOURCES = tests/fuzz/fuzz_rfcode.c
tests_fuzz_fuzz_rfcode_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# web: the http parsers (forms, cookies, multipart, routes and field validation).
check_PROGRAMS += tests/fuzz/replay_form tests/fuzz/replay_cookie \
	tests/fuzz/replay_multipart tests/fuzz/replay_route
tests_fuzz_replay_form_SOURCES = tests/fuzz/fuzz_form.c tests/fuzz/replay.c
tests_fuzz_replay_cookie_SOURCES = tests/fuzz/fuzz_cookie.c tests/fuzz/replay.c
tests_fuzz_replay_multipart_SOURCES = tests/fuzz/fuzz_multipart.c tests/fuzz/replay.c
tests_fuzz_replay_route_SOURCES = tests/fuzz/fuzz_route.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_form tests/fuzz/replay_cookie \
	tests/fuzz/replay_multipart tests/fuzz/replay_route
EXTRA_DIST += tests/fuzz/corpus/form tests/fuzz/corpus/cookie \
	tests/fuzz/corpus/multipart tests/fuzz/corpus/route
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_form tests/fuzz/fuzz_cookie \
	tests/fuzz/fuzz_multipart tests/fuzz/fuzz_route
tests_fuzz_fuzz_form_SOURCES = tests/fuzz/fuzz_form.c
tests_fuzz_fuzz_form_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_cookie_SOURCES = tests/fuzz/fuzz_cookie.c
tests_fuzz_fuzz_cookie_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_multipart_SOURCES = tests/fuzz/fuzz_multipart.c
tests_fuzz_fuzz_multipart_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_route_SOURCES = tests/fuzz/fuzz_route.c
tests_fuzz_fuzz_route_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# platform: the partner signature headers (service/partner_auth.c).
check_PROGRAMS += tests/fuzz/replay_partner
tests_fuzz_replay_partner_SOURCES = tests/fuzz/fuzz_partner.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_partner
EXTRA_DIST += tests/fuzz/corpus/partner
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_partner
tests_fuzz_fuzz_partner_SOURCES = tests/fuzz/fuzz_partner.c
tests_fuzz_fuzz_partner_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# cod: the logistics partner's event body
# (service/logistics_events.c lg_event_parse).
check_PROGRAMS += tests/fuzz/replay_logistics
tests_fuzz_replay_logistics_SOURCES = tests/fuzz/fuzz_logistics.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_logistics
EXTRA_DIST += tests/fuzz/corpus/logistics
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_logistics
tests_fuzz_fuzz_logistics_SOURCES = tests/fuzz/fuzz_logistics.c
tests_fuzz_fuzz_logistics_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# uploads: the decoders that draw uploads (service/docrender.c): images
# through libvips, PDFs through poppler.
check_PROGRAMS += tests/fuzz/replay_image tests/fuzz/replay_pdf
tests_fuzz_replay_image_SOURCES = tests/fuzz/fuzz_image.c tests/fuzz/replay.c
tests_fuzz_replay_pdf_SOURCES = tests/fuzz/fuzz_pdf.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_image tests/fuzz/replay_pdf
EXTRA_DIST += tests/fuzz/corpus/image tests/fuzz/corpus/pdf
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_image tests/fuzz/fuzz_pdf
tests_fuzz_fuzz_image_SOURCES = tests/fuzz/fuzz_image.c
tests_fuzz_fuzz_image_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_pdf_SOURCES = tests/fuzz/fuzz_pdf.c
tests_fuzz_fuzz_pdf_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# `make fuzz` in a build configured with CC=clang CXX=clang++ --enable-fuzzing: every
# harness runs FUZZ_SECONDS (default 60) over a working copy of its seed corpus, with the
# dictionary tests/fuzz/dict/NAME.dict (tokens its parser looks for); a crasher
# is written to tests/fuzz/regression/NAME/ in the source tree, to be fixed and committed
# (make check then replays it for ever). The full libFuzzer output of each harness is
# kept in fuzz-NAME.log; a harness that crashes or refuses its dictionary fails the
# target after the others have run.
FUZZ_SECONDS = 60
FUZZ_HARNESSES = accept_lang cookie facts form image logistics money multipart partner pdf rfcode route
EXTRA_DIST += tests/fuzz/dict
if FUZZING
fuzz: $(noinst_PROGRAMS)
	@failed=; for n in $(FUZZ_HARNESSES); do \
	  mkdir -p fuzz-corpus/$$n $(abs_top_srcdir)/tests/fuzz/regression/$$n; \
	  cp $(abs_top_srcdir)/tests/fuzz/corpus/$$n/* fuzz-corpus/$$n/; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
	  ./tests/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -dict=$(srcdir)/tests/fuzz/dict/$$n.dict \
	    -artifact_prefix=$(abs_top_srcdir)/tests/fuzz/regression/$$n/ \
	    fuzz-corpus/$$n >fuzz-$$n.log 2>&1 || failed="$$failed $$n"; \
	  grep -E '^(Dictionary:|ParseDictionaryFile|stat::number_of_executed_units|==[0-9]+==|SUMMARY)' \
	    fuzz-$$n.log || true; \
	done; \
	if test -n "$$failed"; then \
	  echo "fuzz: failed:$$failed (see fuzz-NAME.log)" >&2; exit 1; fi
else
fuzz:
	@echo "make fuzz needs a build configured with CC=clang CXX=clang++ --enable-fuzzing" >&2; exit 1
endif
.PHONY: fuzz
