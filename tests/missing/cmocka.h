/* Included into every test program by a build that configure found without
 * cmocka: `make` builds mallpayd and mallpayctl, `make check` stops here. */
#error "make check needs cmocka: install it (Debian: libcmocka-dev) and run configure again"
