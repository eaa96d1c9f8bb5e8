# rules layer: files of src/rules (see Makefile.am)
