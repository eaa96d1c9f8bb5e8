# service layer: files of src/service (see Makefile.am)
