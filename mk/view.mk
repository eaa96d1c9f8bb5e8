# view layer: files of src/view (see Makefile.am)
