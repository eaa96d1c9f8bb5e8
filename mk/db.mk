# db layer: files of src/db (see Makefile.am)
