/* Included into every integration test program by a build that configure
 * found without libcurl: `make` builds mallpayd and mallpayctl, `make check`
 * stops here. */
#error "make check needs libcurl: install it (Debian: libcurl4-openssl-dev) and run configure again"
