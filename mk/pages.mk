# pages layer: files of src/pages (see Makefile.am)
