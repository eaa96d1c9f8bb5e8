# fuzz layer: files of src/fuzz (see Makefile.am)
