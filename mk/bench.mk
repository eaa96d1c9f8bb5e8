# bench: the bare libfcgi "hello" program that bench/run.sh puts behind the
# same nginx, and the scripts of ./mallpay bench (bench/README.md).
noinst_PROGRAMS += bench/hello
bench_hello_SOURCES = bench/hello.c
bench_hello_LDADD = -lfcgi
EXTRA_DIST += bench/run.sh bench/batch.sh bench/explain.sh bench/place.lua bench/mix.lua
